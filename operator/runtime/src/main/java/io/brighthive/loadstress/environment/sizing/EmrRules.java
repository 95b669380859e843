package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.CapacitySpec;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.EmrWorkerSizes;
import io.brighthive.loadstress.api.environment.WorkerSpec;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of spec.emr. Worker sizes are checked here as well as in the CRD's CEL rule, for clusters
 * that do not evaluate CEL.
 */
final class EmrRules {
  private static final Pattern RELEASE = Pattern.compile("^emr-7\\.[0-9]+\\.[0-9]+$");

  private EmrRules() {}

  static void check(Optional<EmrSpec> emr, ModeDefaults defaults, Problems problems) {
    if (emr.isEmpty()) {
      return;
    }
    EmrSpec spec = emr.get();
    problems.pattern(spec.getReleaseLabel(), RELEASE, "spec.emr.releaseLabel",
        "an EMR 7.x release label such as emr-7.5.0 (Spark 3.5 on Java 17)");
    problems.range(spec.getIdleTimeoutMinutes(), 1, 10080, "spec.emr.idleTimeoutMinutes");
    // & rather than &&, so that every group is checked and all its problems are reported at once.
    boolean workersValid = checkWorkers(spec.getDriver(), "spec.emr.driver", problems)
        & checkWorkers(spec.getExecutor(), "spec.emr.executor", problems)
        & checkMaximum(spec.getMaximumCapacity(), problems);
    if (workersValid) {
      checkCoverage(EnvironmentSizing.spark(emr, defaults), problems);
    }
  }

  private static boolean checkWorkers(WorkerSpec workers, String field, Problems problems) {
    if (workers == null) {
      return true;
    }
    int before = problems.size();
    problems.require(workers.getCpu() != null, field + ".cpu", "is required");
    problems.require(workers.getMemoryGb() != null, field + ".memoryGb", "is required");
    problems.require(workers.getCount() != null, field + ".count", "is required");
    problems.range(workers.getCount(), 1, 1000, field + ".count");
    problems.range(workers.getDiskGb(), EmrWorkerSizes.MIN_DISK_GB, EmrWorkerSizes.MAX_DISK_GB, field + ".diskGb");
    if (workers.getCpu() != null && workers.getMemoryGb() != null
        && !EmrWorkerSizes.isSupported(workers.getCpu(), workers.getMemoryGb())) {
      problems.add(field, workers.getCpu() + " vCPU / " + workers.getMemoryGb() + " GB: " + EmrWorkerSizes.MESSAGE);
    }
    return problems.size() == before;
  }

  private static boolean checkMaximum(CapacitySpec maximum, Problems problems) {
    if (maximum == null) {
      return true;
    }
    int before = problems.size();
    problems.require(maximum.getCpu() != null, "spec.emr.maximumCapacity.cpu", "is required");
    problems.require(maximum.getMemoryGb() != null, "spec.emr.maximumCapacity.memoryGb", "is required");
    problems.range(maximum.getCpu(), 1, 100_000, "spec.emr.maximumCapacity.cpu");
    problems.range(maximum.getMemoryGb(), 1, 1_000_000, "spec.emr.maximumCapacity.memoryGb");
    problems.range(maximum.getDiskGb(), 20, 10_000_000, "spec.emr.maximumCapacity.diskGb");
    return problems.size() == before;
  }

  private static void checkCoverage(SparkSettings spark, Problems problems) {
    WorkerGroup driver = spark.driver();
    WorkerGroup executor = spark.executor();
    Capacity max = spark.maximumCapacity();
    long cpu = driver.totalCpu() + executor.totalCpu();
    long memory = driver.totalMemoryGb() + executor.totalMemoryGb();
    long disk = driver.totalDiskGb() + executor.totalDiskGb();
    problems.require(cpu <= max.cpu(), "spec.emr.maximumCapacity.cpu",
        "must cover the pre-initialized driver and executor vCPUs: " + max.cpu() + " < " + cpu);
    problems.require(memory <= max.memoryGb(), "spec.emr.maximumCapacity.memoryGb",
        "must cover the pre-initialized driver and executor memory: " + max.memoryGb() + " GB < " + memory + " GB");
    problems.require(disk <= max.diskGb(), "spec.emr.maximumCapacity.diskGb",
        "must cover the pre-initialized driver and executor disk: " + max.diskGb() + " GB < " + disk + " GB");
  }
}
