package io.brighthive.loadstress.generator.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The result file of one scenario run (schema version 1, documented in spark-generator/README.md).
 * The operator builds a ScenarioRun's status from it. Verdicts are "Passed" or "Failed".
 */
@JsonPropertyOrder({"resultVersion", "scenario", "title", "verdict", "parameters", "slos", "startedAt", "finishedAt",
    "durationSeconds", "recordsProcessed", "bytesScanned", "throughputPerSecond", "latencyMs", "engine", "lake", "details"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScenarioResult(
    int resultVersion,
    String scenario,
    String title,
    String verdict,
    Map<String, String> parameters,
    List<Slo> slos,
    String startedAt,
    String finishedAt,
    double durationSeconds,
    long recordsProcessed,
    long bytesScanned,
    double throughputPerSecond,
    Latency latencyMs,
    Engine engine,
    String lake,
    Map<String, Object> details) {

  public static final int VERSION = 1;
  public static final String PASSED = "Passed";
  public static final String FAILED = "Failed";

  /** One SLO: its target, comparator ("<=" or ">="), the measured value and the verdict. */
  @JsonPropertyOrder({"name", "comparator", "target", "actual", "unit", "verdict", "description"})
  public record Slo(String name, String comparator, double target, Double actual, String unit, String verdict, String description) {}

  /** Latency percentiles over the timed operations, in milliseconds (nearest rank). */
  @JsonPropertyOrder({"count", "p50", "p95", "p99", "max"})
  public record Latency(int count, double p50, double p95, double p99, double max) {}

  /** Where it ran: Spark version and master, and the warehouse engine when one was used. */
  public record Engine(String spark, String master, int defaultParallelism, String warehouse) {}
}
