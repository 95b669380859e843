package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.AlarmThresholds;
import io.brighthive.loadstress.api.environment.AwsSpec;
import io.brighthive.loadstress.api.environment.CapacitySpec;
import io.brighthive.loadstress.api.environment.DataGenerationSpec;
import io.brighthive.loadstress.api.environment.DataLakeSpec;
import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.EmrSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.MonitoringSpec;
import io.brighthive.loadstress.api.environment.RedshiftSpec;
import io.brighthive.loadstress.api.environment.VpcSpec;
import io.brighthive.loadstress.api.environment.WorkerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges a spec's overrides into its mode's {@link ModeDefaults}. Run {@link
 * EnvironmentSpecValidator} first: resolution assumes valid input and fills any missing field from
 * the defaults.
 */
public final class EnvironmentSizing {
  /** Where a manifest without a namespace lands, as with kubectl. */
  public static final String DEFAULT_NAMESPACE = "default";
  private static final Pattern TTL = Pattern.compile("^(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?$");

  private EnvironmentSizing() {}

  public static ResolvedEnvironment resolve(LoadstressEnvironment environment) {
    String namespace = environment.getMetadata().getNamespace();
    return resolve(
        namespace == null ? DEFAULT_NAMESPACE : namespace,
        environment.getMetadata().getName(),
        environment.getSpec());
  }

  public static ResolvedEnvironment resolve(String namespace, String name, LoadstressEnvironmentSpec spec) {
    Mode mode = spec.getMode() == null ? Mode.SUBSET : spec.getMode();
    ModeDefaults d = ModeDefaults.forMode(mode);
    Optional<AwsSpec> aws = Optional.ofNullable(spec.getAws());
    DeletionPolicy topPolicy = or(spec.getDeletionPolicy(), d.deletionPolicy());
    return new ResolvedEnvironment(
        namespace,
        name,
        mode,
        or(spec.getProvider(), d.provider()),
        aws.map(AwsSpec::getRegion),
        aws.map(AwsSpec::getAccountId),
        aws.map(AwsSpec::getRoleArn),
        aws.map(AwsSpec::getTags).orElse(Map.of()),
        network(Optional.ofNullable(spec.getVpc()), d),
        dataLake(Optional.ofNullable(spec.getDataLake()), d, topPolicy),
        warehouse(Optional.ofNullable(spec.getRedshift()), d, topPolicy),
        spark(Optional.ofNullable(spec.getEmr()), d),
        monitoring(Optional.ofNullable(spec.getMonitoring()), d),
        dataGeneration(Optional.ofNullable(spec.getDataGeneration()), d),
        topPolicy,
        Boolean.TRUE.equals(spec.getSuspend()),
        parseTtl(spec.getTtl()));
  }

  /** Parses a ttl such as {@code 2d}, {@code 8h} or {@code 1d12h30m}; empty when absent or malformed. */
  public static Optional<Duration> parseTtl(String ttl) {
    if (ttl == null || ttl.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = TTL.matcher(ttl);
    if (!m.matches()) {
      return Optional.empty();
    }
    Duration duration = Duration.ofDays(number(m.group(1)))
        .plusHours(number(m.group(2)))
        .plusMinutes(number(m.group(3)));
    return Optional.of(duration);
  }

  private static NetworkSettings network(Optional<VpcSpec> vpc, ModeDefaults d) {
    Cidr cidr = Cidr.of(pick(vpc, VpcSpec::getCidr, d.vpcCidr()));
    int zones = pick(vpc, VpcSpec::getMaxAzs, d.maxAzs());
    SubnetLayout layout = SubnetLayout.of(cidr, zones);
    return new NetworkSettings(
        cidr,
        zones,
        pick(vpc, VpcSpec::getNatGateways, d.natGateways()),
        layout.privateSubnets(),
        layout.publicSubnets());
  }

  private static DataLakeSettings dataLake(Optional<DataLakeSpec> lake, ModeDefaults d, DeletionPolicy top) {
    return new DataLakeSettings(
        pick(lake, DataLakeSpec::getRetentionDays, d.retentionDays()),
        pick(lake, DataLakeSpec::getTieringAfterDays, d.tieringAfterDays()),
        pick(lake, DataLakeSpec::getDeletionPolicy, top));
  }

  private static WarehouseSettings warehouse(Optional<RedshiftSpec> rs, ModeDefaults d, DeletionPolicy top) {
    return new WarehouseSettings(
        pick(rs, RedshiftSpec::getNodeType, d.nodeType()),
        pick(rs, RedshiftSpec::getNodes, d.redshiftNodes()),
        pick(rs, RedshiftSpec::getDatabase, d.database()),
        pick(rs, RedshiftSpec::getMasterUser, d.masterUser()),
        pick(rs, RedshiftSpec::getDeletionPolicy, top));
  }

  static SparkSettings spark(Optional<EmrSpec> emr, ModeDefaults d) {
    WorkerGroup driver = workers(emr.map(EmrSpec::getDriver), d.driver());
    WorkerGroup executor = workers(emr.map(EmrSpec::getExecutor), d.executor());
    Optional<CapacitySpec> max = emr.map(EmrSpec::getMaximumCapacity);
    int maxCpu = pick(max, CapacitySpec::getCpu, d.maximumCpu());
    Capacity maximum = new Capacity(
        maxCpu,
        pick(max, CapacitySpec::getMemoryGb, d.maximumMemoryGb()),
        pick(max, CapacitySpec::getDiskGb, defaultMaximumDisk(maxCpu, driver, executor)));
    return new SparkSettings(
        pick(emr, EmrSpec::getReleaseLabel, d.releaseLabel()),
        driver,
        executor,
        maximum,
        pick(emr, EmrSpec::getIdleTimeoutMinutes, d.idleTimeoutMinutes()));
  }

  /** Room for as many of the smallest workers as fit in the vCPU limit, 20 GB each. */
  static int defaultMaximumDisk(int maxCpu, WorkerGroup driver, WorkerGroup executor) {
    int smallestCpu = Math.max(1, Math.min(driver.cpu(), executor.cpu()));
    long disk = (long) (maxCpu / smallestCpu) * ModeDefaults.DISK_PER_WORKER_GB;
    long initial = driver.totalDiskGb() + executor.totalDiskGb();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(disk, initial));
  }

  private static WorkerGroup workers(Optional<WorkerSpec> spec, WorkerGroup fallback) {
    return new WorkerGroup(
        pick(spec, WorkerSpec::getCpu, fallback.cpu()),
        pick(spec, WorkerSpec::getMemoryGb, fallback.memoryGb()),
        pick(spec, WorkerSpec::getDiskGb, fallback.diskGb()),
        pick(spec, WorkerSpec::getCount, fallback.count()));
  }

  private static MonitoringSettings monitoring(Optional<MonitoringSpec> mon, ModeDefaults d) {
    Optional<AlarmThresholds> t = mon.map(MonitoringSpec::getThresholds);
    Thresholds dt = d.thresholds();
    return new MonitoringSettings(
        pick(mon, MonitoringSpec::getAlarmEmails, List.of()),
        pick(mon, MonitoringSpec::getLogRetentionDays, d.logRetentionDays()),
        new Thresholds(
            pick(t, AlarmThresholds::getRedshiftCpuPercent, dt.redshiftCpuPercent()),
            pick(t, AlarmThresholds::getRedshiftConnections, dt.redshiftConnections()),
            pick(t, AlarmThresholds::getRedshiftDiskPercent, dt.redshiftDiskPercent()),
            pick(t, AlarmThresholds::getSlowQuerySeconds, dt.slowQuerySeconds())));
  }

  private static DataGenerationSettings dataGeneration(Optional<DataGenerationSpec> gen, ModeDefaults d) {
    return new DataGenerationSettings(
        pick(gen, DataGenerationSpec::getRecords, d.records()),
        pick(gen, DataGenerationSpec::getSeed, d.seed()),
        gen.map(DataGenerationSpec::getDatasets).filter(list -> !list.isEmpty()).orElse(d.datasets()));
  }

  private static <S, T> T pick(Optional<S> source, Function<S, T> getter, T fallback) {
    return source.map(getter).orElse(fallback);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
