package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.RedshiftNodeType;

/** Effective Redshift settings. The master password is never here: Secrets Manager owns it. */
public record WarehouseSettings(
    RedshiftNodeType nodeType,
    int nodes,
    String database,
    String masterUser,
    DeletionPolicy deletionPolicy) {
  public static final String SINGLE_NODE = "single-node";
  public static final String MULTI_NODE = "multi-node";

  public boolean singleNode() {
    return nodes == 1;
  }

  /** The ClusterType value Redshift expects for this node count. */
  public String clusterType() {
    return singleNode() ? SINGLE_NODE : MULTI_NODE;
  }
}
