package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.DeletionPolicy;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.api.environment.Provider;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every effective value of one environment: the mode's defaults merged with the spec's
 * overrides. Built by {@link EnvironmentSizing#resolve}; immutable.
 *
 * @param region empty for the local provider when the spec names none
 * @param tags the spec's tags, sorted by key
 * @param deletionPolicy the top-level policy, which data lake and warehouse policies fall back to
 */
public record ResolvedEnvironment(
    String namespace,
    String name,
    Mode mode,
    Provider provider,
    Optional<String> region,
    Optional<String> accountId,
    Optional<String> roleArn,
    Map<String, String> tags,
    NetworkSettings network,
    DataLakeSettings dataLake,
    WarehouseSettings redshift,
    SparkSettings emr,
    MonitoringSettings monitoring,
    DataGenerationSettings dataGeneration,
    DeletionPolicy deletionPolicy,
    boolean suspend,
    Optional<Duration> ttl) {

  public ResolvedEnvironment {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** The region; only meaningful for provider aws, where the validator has made it required. */
  public String awsRegion() {
    return region.orElseThrow(() -> new IllegalStateException(namespace + "/" + name + " has no AWS region"));
  }
}
