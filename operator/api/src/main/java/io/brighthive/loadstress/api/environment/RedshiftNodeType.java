package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Redshift RA3 node types that a provisioned cluster can use. */
public enum RedshiftNodeType {
  @JsonProperty("ra3.large")
  RA3_LARGE("ra3.large"),
  @JsonProperty("ra3.xlplus")
  RA3_XLPLUS("ra3.xlplus"),
  @JsonProperty("ra3.4xlarge")
  RA3_4XLARGE("ra3.4xlarge"),
  @JsonProperty("ra3.16xlarge")
  RA3_16XLARGE("ra3.16xlarge");

  private final String awsName;

  RedshiftNodeType(String awsName) {
    this.awsName = awsName;
  }

  /** The node type as the Redshift API spells it. */
  public String awsName() {
    return awsName;
  }
}
