package io.brighthive.loadstress.environment.sizing;

/** Resources summed over all workers of an EMR Serverless application. */
public record Capacity(int cpu, int memoryGb, int diskGb) {
  public boolean covers(WorkerGroup... groups) {
    long cpuNeeded = 0;
    long memoryNeeded = 0;
    long diskNeeded = 0;
    for (WorkerGroup group : groups) {
      cpuNeeded += group.totalCpu();
      memoryNeeded += group.totalMemoryGb();
      diskNeeded += group.totalDiskGb();
    }
    return cpuNeeded <= cpu && memoryNeeded <= memoryGb && diskNeeded <= diskGb;
  }
}
