package io.brighthive.loadstress.metrics;

import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.scenario.RunPhase;
import io.brighthive.loadstress.api.scenario.ScenarioId;
import io.brighthive.loadstress.api.scenario.ScenarioResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The operator's domain metrics, one named method per event. Tags are bounded sets (phase,
 * component, scenario, outcome, AWS service and operation); resource names and uids never become
 * tags. Environments are counted from a registry of the current phase per environment uid, so a
 * restarted operator reports the truth after one pass over the environments.
 */
public final class LoadstressMetrics {
  static final String ENVIRONMENTS = "loadstress.environments";
  static final String STACK_OPERATION = "loadstress.stack.operation";
  static final String AWS_CALLS = "loadstress.aws.calls";
  static final String SCENARIO_RUNS = "loadstress.scenario.runs";
  static final String SCENARIO_VERDICTS = "loadstress.scenario.verdicts";
  static final String SCENARIO_DURATION = "loadstress.scenario.duration";
  static final String SCENARIO_LATENCY_P95 = "loadstress.scenario.latency.p95";
  static final String SCENARIO_RECORDS = "loadstress.scenario.records.processed";
  static final String SCENARIO_COST = "loadstress.scenario.cost.usd";
  static final String RECORDS_GENERATED = "loadstress.records.generated";

  private static final Duration[] STACK_BUCKETS = minutes(0.5, 1, 2, 5, 10, 20, 30, 45, 60, 90, 120);
  private static final Duration[] SCENARIO_BUCKETS = minutes(0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 240);

  private final MeterRegistry registry;
  private final Map<String, EnvironmentPhase> phases = new ConcurrentHashMap<>();
  private final Map<String, Long> generatedRecords = new ConcurrentHashMap<>();
  private final Map<ScenarioId, AtomicReference<Double>> latencyP95 = new EnumMap<>(ScenarioId.class);
  private final Map<ScenarioId, AtomicReference<Double>> recordsProcessed = new EnumMap<>(ScenarioId.class);

  public LoadstressMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (EnvironmentPhase phase : EnvironmentPhase.values()) {
      Gauge.builder(ENVIRONMENTS, phases, m -> m.values().stream().filter(phase::equals).count())
          .description("LoadstressEnvironments by phase")
          .tag("phase", phase.name())
          .register(registry);
    }
    Gauge.builder(RECORDS_GENERATED, generatedRecords, m -> m.values().stream().mapToLong(Long::longValue).sum())
        .description("Records generated into the data lakes of the current environments")
        .register(registry);
    for (ScenarioId scenario : ScenarioId.values()) {
      latencyP95.put(scenario, new AtomicReference<>(Double.NaN));
      recordsProcessed.put(scenario, new AtomicReference<>(Double.NaN));
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The environment with this uid is now in this phase; call on every status change. */
  public void environmentPhase(String uid, EnvironmentPhase phase) {
    if (phase == null) {
      phases.remove(uid);
    } else {
      phases.put(uid, phase);
    }
  }

  /** The data generation of this environment has written this many records in total. */
  public void recordsGenerated(String uid, long records) {
    generatedRecords.put(uid, Math.max(0, records));
  }

  /** The environment is gone (its finalizer was removed): it no longer counts anywhere. */
  public void environmentRemoved(String uid) {
    phases.remove(uid);
    generatedRecords.remove(uid);
  }

  /** One CloudFormation stack operation finished, from its start to its final state. */
  public void stackOperation(String component, StackOperation operation, StackOperationOutcome outcome, Duration took) {
    Timer.builder(STACK_OPERATION)
        .description("CloudFormation stack operations, from start to final state")
        .tag("component", label(component))
        .tag("operation", label(operation.name()))
        .tag("outcome", label(outcome.name()))
        .serviceLevelObjectives(STACK_BUCKETS)
        .register(registry)
        .record(took);
  }

  /** One AWS SDK call finished (after the SDK's own retries). */
  public void awsCall(String service, String operation, AwsCallOutcome outcome) {
    Counter.builder(AWS_CALLS)
        .description("AWS API calls by service, operation and outcome")
        .tag("service", service)
        .tag("operation", operation)
        .tag("outcome", outcome.label())
        .register(registry)
        .increment();
  }

  /**
   * A ScenarioRun reached a final phase: counts it and its verdict, times it, keeps the last result
   * of its scenario (p95 latency, records processed) and adds its cost, when the provider reports one.
   */
  public void scenarioFinished(ScenarioId scenario, RunPhase outcome, Duration took, ScenarioResult result, Double costUsd) {
    if (!outcome.isFinished()) {
      throw new IllegalArgumentException("not a final phase: " + outcome);
    }
    String id = scenario.name();
    Counter.builder(SCENARIO_RUNS)
        .description("Finished ScenarioRuns by scenario and outcome")
        .tag("scenario", id)
        .tag("outcome", outcome.name())
        .register(registry)
        .increment();
    if (result != null && result.getVerdict() != null) {
      Counter.builder(SCENARIO_VERDICTS)
          .description("Verdicts of finished ScenarioRuns: Passed when every SLO was met")
          .tag("scenario", id)
          .tag("verdict", result.getVerdict().name())
          .register(registry)
          .increment();
    }
    if (took != null) {
      Timer.builder(SCENARIO_DURATION)
          .description("Duration of finished ScenarioRuns")
          .tag("scenario", id)
          .serviceLevelObjectives(SCENARIO_BUCKETS)
          .register(registry)
          .record(took);
    }
    if (result != null && result.getLatencyMs() != null && result.getLatencyMs().getP95() != null) {
      lastValue(SCENARIO_LATENCY_P95, "seconds", "p95 latency of the scenario's last result", scenario, latencyP95)
          .set(result.getLatencyMs().getP95() / 1000.0);
    }
    if (result != null && result.getRecordsProcessed() != null) {
      lastValue(SCENARIO_RECORDS, null, "Records processed by the scenario's last result", scenario, recordsProcessed)
          .set(result.getRecordsProcessed().doubleValue());
    }
    if (costUsd != null && costUsd > 0) {
      Counter.builder(SCENARIO_COST)
          .description("Cost of ScenarioRuns as reported by the provider, in US dollars")
          .tag("scenario", id)
          .register(registry)
          .increment(costUsd);
    }
  }

  private AtomicReference<Double> lastValue(String name, String unit, String description, ScenarioId scenario,
      Map<ScenarioId, AtomicReference<Double>> values) {
    AtomicReference<Double> value = values.get(scenario);
    Gauge.builder(name, value, AtomicReference::get)
        .description(description)
        .baseUnit(unit)
        .tag("scenario", scenario.name())
        .register(registry);
    return value;
  }

  private static String label(String value) {
    return value.toLowerCase(Locale.ROOT);
  }

  private static Duration[] minutes(double... values) {
    Duration[] buckets = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      buckets[i] = Duration.ofMillis(Math.round(values[i] * 60_000));
    }
    return buckets;
  }
}
