package io.brighthive.loadstress.generator.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario measured. The runner derives the common figures that a scenario does not set
 * itself: {@code durationSeconds}, {@code recordsPerSecond} and the latency percentiles
 * ({@code p50LatencyMs}, {@code p95LatencyMs}, {@code p99LatencyMs}) from the recorded latencies.
 */
public final class ScenarioOutcome {

  private long recordsProcessed;
  private long bytesScanned;
  private final List<Double> latenciesMs = new ArrayList<>();
  private final Map<String, Double> actuals = new LinkedHashMap<>();
  private final Map<String, Object> details = new LinkedHashMap<>();

  public ScenarioOutcome addRecords(long records) {
    recordsProcessed += records;
    return this;
  }

  public ScenarioOutcome addBytes(long bytes) {
    bytesScanned += bytes;
    return this;
  }

  /** One timed operation (a query, a traversal, a question), in milliseconds. */
  public ScenarioOutcome latency(double millis) {
    latenciesMs.add(millis);
    return this;
  }

  /** The actual value of one SLO, by its catalog name. */
  public ScenarioOutcome measured(String slo, double actual) {
    actuals.put(slo, actual);
    return this;
  }

  /** A scenario-specific figure for the result's {@code details}: numbers, text, lists or maps of them. */
  public ScenarioOutcome detail(String key, Object value) {
    details.put(key, value);
    return this;
  }

  public long recordsProcessed() {
    return recordsProcessed;
  }

  public long bytesScanned() {
    return bytesScanned;
  }

  public List<Double> latenciesMs() {
    return Collections.unmodifiableList(latenciesMs);
  }

  public Map<String, Double> actuals() {
    return Collections.unmodifiableMap(actuals);
  }

  public Map<String, Object> details() {
    return Collections.unmodifiableMap(details);
  }
}
