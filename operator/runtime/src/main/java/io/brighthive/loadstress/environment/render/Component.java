package io.brighthive.loadstress.environment.render;

import java.util.List;

/**
 * The five stacks of an environment in creation order (DESIGN.md section 4). Each lists the
 * stacks whose outputs it takes as parameters; deletion runs in the reverse order.
 */
public enum Component {
  VPC("vpc"),
  DATA_LAKE("datalake"),
  REDSHIFT("redshift", VPC, DATA_LAKE),
  EMR("emr", VPC, DATA_LAKE),
  MONITORING("monitoring", VPC, DATA_LAKE, REDSHIFT, EMR);

  private final String id;
  private final List<Component> dependencies;

  Component(String id, Component... dependencies) {
    this.id = id;
    this.dependencies = List.of(dependencies);
  }

  /** Short lower-case id, used in stack names and tags. */
  public String id() {
    return id;
  }

  /** Stacks that must be complete before this one is created (and deleted only after it). */
  public List<Component> dependencies() {
    return dependencies;
  }
}
