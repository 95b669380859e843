package io.brighthive.loadstress.generator.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioDefinition;
import io.brighthive.loadstress.generator.scenario.catalog.SloDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one scenario and judges it: times the run, derives the common figures, compares every SLO
 * with its target, and builds the result. Writing it is {@link #write}'s job.
 */
public final class ScenarioRunner {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Clock clock;

  public ScenarioRunner(Clock clock) {
    this.clock = clock;
  }

  public ScenarioResult run(ScenarioDefinition definition, Scenario scenario, ScenarioContext context, List<SloDefinition> slos)
      throws Exception {
    ScenarioOutcome outcome = new ScenarioOutcome();
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    try {
      scenario.run(context, outcome);
    } finally {
      context.close();
      deleteScratch(context);
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Instant finished = clock.instant();
    return judge(definition, context, slos, outcome, started, finished, seconds);
  }

  static ScenarioResult judge(ScenarioDefinition definition, ScenarioContext context, List<SloDefinition> slos,
      ScenarioOutcome outcome, Instant started, Instant finished, double seconds) {
    double throughput = seconds > 0 ? outcome.recordsProcessed() / seconds : 0;
    List<Double> latencies = outcome.latenciesMs();
    ScenarioResult.Latency latency = latencies.isEmpty() ? null : new ScenarioResult.Latency(latencies.size(),
        round(Percentiles.of(latencies, 50)), round(Percentiles.of(latencies, 95)), round(Percentiles.of(latencies, 99)),
        round(Percentiles.of(latencies, 100)));
    Map<String, Double> derived = new HashMap<>();
    derived.put("durationSeconds", seconds);
    derived.put("recordsPerSecond", throughput);
    if (latency != null) {
      derived.put("p50LatencyMs", latency.p50());
      derived.put("p95LatencyMs", latency.p95());
      derived.put("p99LatencyMs", latency.p99());
    }
    List<ScenarioResult.Slo> judged = new ArrayList<>();
    boolean passed = true;
    for (SloDefinition slo : slos) {
      Double actual = outcome.actuals().containsKey(slo.name()) ? outcome.actuals().get(slo.name()) : derived.get(slo.name());
      boolean holds = actual != null && !actual.isNaN() && slo.comparator().holds(actual, slo.target());
      passed &= holds;
      judged.add(new ScenarioResult.Slo(slo.name(), slo.comparator().symbol(), slo.target(), actual == null ? null : round(actual),
          slo.unit(), holds ? ScenarioResult.PASSED : ScenarioResult.FAILED, slo.description()));
    }
    SparkSession spark = context.spark();
    var engine = new ScenarioResult.Engine(spark.version(), spark.sparkContext().master(),
        spark.sparkContext().defaultParallelism(), context.warehouseEngine());
    return new ScenarioResult(ScenarioResult.VERSION, definition.id(), definition.title(),
        passed ? ScenarioResult.PASSED : ScenarioResult.FAILED, context.parameters().asMap(), judged,
        started.toString(), finished.toString(), round(seconds), outcome.recordsProcessed(), outcome.bytesScanned(),
        round(throughput), latency, engine, context.lake().uri().toString(), outcome.details());
  }

  /** Writes the result beside its target and renames it, so the operator never reads half a file. */
  public static void write(ScenarioResult result, Path target, FileSystem fileSystem) throws IOException {
    Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try (OutputStream out = fileSystem.create(temporary, true)) {
      JSON.writeValue(out, result);
    }
    fileSystem.delete(target, false);
    if (!fileSystem.rename(temporary, target)) {
      throw new IOException("could not rename " + temporary + " to " + target);
    }
  }

  public static String toJson(ScenarioResult result) throws IOException {
    return JSON.writeValueAsString(result);
  }

  private static void deleteScratch(ScenarioContext context) throws IOException {
    Path scratch = context.scratch();
    FileSystem fs = scratch.getFileSystem(context.spark().sparkContext().hadoopConfiguration());
    fs.delete(scratch, true);
  }

  static double round(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return Math.round(value * 1000.0) / 1000.0;
  }
}
