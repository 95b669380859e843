package io.brighthive.loadstress.api.status;

/** Condition types used in loadstress statuses. */
public final class ConditionTypes {
  public static final String READY = "Ready";
  public static final String DATA_READY = "DataReady";
  public static final String SPEC_VALID = "SpecValid";
  public static final String VPC_READY = "VpcReady";
  public static final String DATA_LAKE_READY = "DataLakeReady";
  public static final String REDSHIFT_READY = "RedshiftReady";
  public static final String EMR_READY = "EmrReady";
  public static final String MONITORING_READY = "MonitoringReady";
  public static final String COMPLETED = "Completed";

  private ConditionTypes() {}
}
