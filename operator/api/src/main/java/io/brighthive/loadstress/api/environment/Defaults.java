package io.brighthive.loadstress.api.environment;

/**
 * The defaults that the CRD's validation rules must know (a rule has to judge an omitted field by
 * its default). The operator's mode defaults use these same constants, so each is declared once.
 */
public final class Defaults {
  public static final String VPC_CIDR = "10.0.0.0/16";
  public static final int RETENTION_DAYS = 90;
  public static final int SUBSET_REDSHIFT_NODES = 1;
  public static final int FULL_REDSHIFT_NODES = 2;
  public static final int MAX_CPU = 800;
  public static final int MAX_MEMORY_GB = 3200;
  public static final int DRIVER_CPU = 4;
  public static final int DRIVER_MEMORY_GB = 16;
  public static final int DRIVER_COUNT = 1;
  public static final int SUBSET_EXECUTOR_CPU = 16;
  public static final int SUBSET_EXECUTOR_MEMORY_GB = 64;
  public static final int SUBSET_EXECUTOR_COUNT = 2;
  /** 32 vCPU / 128 GB is not an EMR Serverless worker size; 16 vCPU / 120 GB is the largest one. */
  public static final int FULL_EXECUTOR_CPU = 16;
  public static final int FULL_EXECUTOR_MEMORY_GB = 120;
  public static final int FULL_EXECUTOR_COUNT = 20;

  static final String CIDR_RULE = "(has(self.vpc) && has(self.vpc.cidr) ? self.vpc.cidr : '" + VPC_CIDR + "')"
      + " == (has(oldSelf.vpc) && has(oldSelf.vpc.cidr) ? oldSelf.vpc.cidr : '" + VPC_CIDR + "')";
  static final String CPU_RULE = "!has(self.emr) || (has(self.emr.maximumCapacity) ? self.emr.maximumCapacity.cpu : " + MAX_CPU + ")"
      + " >= (has(self.emr.driver) ? self.emr.driver.cpu * self.emr.driver.count : " + DRIVER_CPU * DRIVER_COUNT + ")"
      + " + (has(self.emr.executor) ? self.emr.executor.cpu * self.emr.executor.count : (self.mode == 'full' ? "
      + FULL_EXECUTOR_CPU * FULL_EXECUTOR_COUNT + " : " + SUBSET_EXECUTOR_CPU * SUBSET_EXECUTOR_COUNT + "))";
  static final String MEMORY_RULE = "!has(self.emr) || (has(self.emr.maximumCapacity) ? self.emr.maximumCapacity.memoryGb : "
      + MAX_MEMORY_GB + ")"
      + " >= (has(self.emr.driver) ? self.emr.driver.memoryGb * self.emr.driver.count : " + DRIVER_MEMORY_GB * DRIVER_COUNT + ")"
      + " + (has(self.emr.executor) ? self.emr.executor.memoryGb * self.emr.executor.count : (self.mode == 'full' ? "
      + FULL_EXECUTOR_MEMORY_GB * FULL_EXECUTOR_COUNT + " : " + SUBSET_EXECUTOR_MEMORY_GB * SUBSET_EXECUTOR_COUNT + "))";
  static final String MULTI_NODE_RULE = "!has(self.redshift) || !has(self.redshift.nodeType)"
      + " || !(self.redshift.nodeType in ['ra3.4xlarge', 'ra3.16xlarge'])"
      + " || (has(self.redshift.nodes) ? self.redshift.nodes : (self.mode == 'full' ? " + FULL_REDSHIFT_NODES + " : "
      + SUBSET_REDSHIFT_NODES + ")) >= 2";
  static final String TIERING_RULE = "(has(self.tieringAfterDays) ? self.tieringAfterDays : 0) < (has(self.retentionDays) ? self.retentionDays : "
      + RETENTION_DAYS + ")";

  private Defaults() {}
}
