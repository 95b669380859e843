package io.brighthive.loadstress.environment.sizing;

/** Pre-initialized EMR Serverless workers of one size. */
public record WorkerGroup(int cpu, int memoryGb, int diskGb, int count) {
  public long totalCpu() {
    return (long) cpu * count;
  }

  public long totalMemoryGb() {
    return (long) memoryGb * count;
  }

  public long totalDiskGb() {
    return (long) diskGb * count;
  }

  /** The size as EMR Serverless spells it, such as {@code 16vCPU / 64GB}. */
  public String describe() {
    return cpu + " vCPU / " + memoryGb + " GB / " + diskGb + " GB disk";
  }
}
