package io.brighthive.loadstress.api.environment;

/**
 * The worker sizes that EMR Serverless accepts ("Supported worker configurations" in the EMR
 * Serverless user guide): 1, 2, 4, 8 or 16 vCPU; memory per vCPU count within a range and step;
 * disk 20 to 200 GB. {@link #RULE} states the same table in CEL for the CRD.
 */
public final class EmrWorkerSizes {
  public static final String RULE =
      "(self.cpu == 1 && self.memoryGb >= 2 && self.memoryGb <= 8)"
          + " || (self.cpu == 2 && self.memoryGb >= 4 && self.memoryGb <= 16)"
          + " || (self.cpu == 4 && self.memoryGb >= 8 && self.memoryGb <= 30)"
          + " || (self.cpu == 8 && self.memoryGb >= 16 && self.memoryGb <= 60 && self.memoryGb % 4 == 0)"
          + " || (self.cpu == 16 && self.memoryGb >= 32 && self.memoryGb <= 120 && self.memoryGb % 8 == 0)";

  public static final String MESSAGE =
      "EMR Serverless does not support this worker size: cpu must be 1, 2, 4, 8 or 16 vCPU with memoryGb"
          + " 2-8 (1 vCPU), 4-16 (2 vCPU), 8-30 (4 vCPU), 16-60 in steps of 4 (8 vCPU) or 32-120 in steps of 8 (16 vCPU)";

  public static final String MESSAGE_EXPRESSION =
      "'EMR Serverless does not support this worker size (' + string(self.cpu) + ' vCPU, ' + string(self.memoryGb)"
          + " + ' GB): cpu must be 1, 2, 4, 8 or 16 vCPU with memoryGb 2-8 (1 vCPU), 4-16 (2 vCPU), 8-30 (4 vCPU),"
          + " 16-60 in steps of 4 (8 vCPU) or 32-120 in steps of 8 (16 vCPU)'";

  public static final int MIN_DISK_GB = 20;
  public static final int MAX_DISK_GB = 200;

  private EmrWorkerSizes() {}

  /** Whether EMR Serverless accepts a worker with this many vCPUs and this much memory. */
  public static boolean isSupported(int cpu, int memoryGb) {
    return switch (cpu) {
      case 1 -> memoryGb >= 2 && memoryGb <= 8;
      case 2 -> memoryGb >= 4 && memoryGb <= 16;
      case 4 -> memoryGb >= 8 && memoryGb <= 30;
      case 8 -> memoryGb >= 16 && memoryGb <= 60 && memoryGb % 4 == 0;
      case 16 -> memoryGb >= 32 && memoryGb <= 120 && memoryGb % 8 == 0;
      default -> false;
    };
  }
}
