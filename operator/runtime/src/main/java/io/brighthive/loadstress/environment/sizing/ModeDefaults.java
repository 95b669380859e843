package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.Dataset;
import io.brighthive.loadstress.api.environment.Defaults;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EmrWorkerSizes;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.RedshiftNodeType;
import java.util.List;

/**
 * Every default of an environment, one instance per mode (DESIGN.md section 3). The values both
 * modes share are written once, in {@link #common}.
 */
public record ModeDefaults(
    Mode mode,
    Provider provider,
    long records,
    long seed,
    List<Dataset> datasets,
    String vpcCidr,
    int maxAzs,
    int natGateways,
    int retentionDays,
    int tieringAfterDays,
    RedshiftNodeType nodeType,
    int redshiftNodes,
    String database,
    String masterUser,
    String releaseLabel,
    WorkerGroup driver,
    WorkerGroup executor,
    int maximumCpu,
    int maximumMemoryGb,
    int idleTimeoutMinutes,
    int logRetentionDays,
    Thresholds thresholds,
    DeletionPolicy deletionPolicy) {

  /** Disk of a worker, and the share of maximum disk each possible worker gets, when not set. */
  public static final int DISK_PER_WORKER_GB = EmrWorkerSizes.MIN_DISK_GB;

  public static final ModeDefaults SUBSET =
      common(Mode.SUBSET, 1_000_000L, Defaults.SUBSET_REDSHIFT_NODES, new WorkerGroup(Defaults.SUBSET_EXECUTOR_CPU,
          Defaults.SUBSET_EXECUTOR_MEMORY_GB, DISK_PER_WORKER_GB, Defaults.SUBSET_EXECUTOR_COUNT));

  public static final ModeDefaults FULL =
      common(Mode.FULL, 1_000_000_000L, Defaults.FULL_REDSHIFT_NODES, new WorkerGroup(Defaults.FULL_EXECUTOR_CPU,
          Defaults.FULL_EXECUTOR_MEMORY_GB, DISK_PER_WORKER_GB, Defaults.FULL_EXECUTOR_COUNT));

  public ModeDefaults {
    datasets = List.copyOf(datasets);
  }

  public static ModeDefaults forMode(Mode mode) {
    return mode == Mode.FULL ? FULL : SUBSET;
  }

  private static ModeDefaults common(Mode mode, long records, int redshiftNodes, WorkerGroup executor) {
    return new ModeDefaults(
        mode,
        Provider.AWS,
        records,
        42L,
        List.of(Dataset.values()),
        Defaults.VPC_CIDR,
        2,
        1,
        Defaults.RETENTION_DAYS,
        0,
        RedshiftNodeType.RA3_XLPLUS,
        redshiftNodes,
        "loadstress",
        "loadstress_admin",
        "emr-7.5.0",
        new WorkerGroup(Defaults.DRIVER_CPU, Defaults.DRIVER_MEMORY_GB, DISK_PER_WORKER_GB, Defaults.DRIVER_COUNT),
        executor,
        Defaults.MAX_CPU,
        Defaults.MAX_MEMORY_GB,
        15,
        7,
        new Thresholds(80, 450, 85, 30),
        DeletionPolicy.Delete);
  }
}
