package io.brighthive.loadstress.testing;

import io.brighthive.loadstress.generator.scenario.ScenarioResult;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioCatalog;
import io.brighthive.loadstress.generator.scenario.catalog.SloDefinition;
import java.util.List;

import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.awsfake.emrserverless.FakeJobRun;
import io.brighthive.loadstress.awsfake.s3.FakeS3;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays spark-generator inside the EMR Serverless fake: when a {@code generate} run ends, it writes
 * the manifest the real job writes last; when a {@code scenario} run ends, a result file in the
 * job's schema. So the operator's side of data generation and scenario runs can be tested without
 * Spark. Spark itself is tested in the spark-generator module, and end to end on the local provider.
 */
public final class GeneratorStandIn {
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile String verdict = "Passed";
  private volatile boolean writeNoResult;

  public static GeneratorStandIn install(FakeAws aws) {
    GeneratorStandIn standIn = new GeneratorStandIn();
    FakeS3 s3 = aws.service(FakeS3.class);
    aws.service(FakeEmrServerless.class).onJobRun(run -> standIn.finish(run, s3));
    return standIn;
  }

  /** The next {@code n} generate runs fail, as a job that crashed would. */
  public GeneratorStandIn failNext(int n) {
    failuresLeft.set(n);
    return this;
  }

  /** The verdict that the next scenario runs report: Passed unless set otherwise. */
  public GeneratorStandIn verdict(String verdict) {
    this.verdict = verdict;
    return this;
  }

  /** Scenario runs that ended SUCCESS without writing a result (a job that broke after its exit code). */
  public GeneratorStandIn writeNoResult(boolean none) {
    this.writeNoResult = none;
    return this;
  }

  private void finish(FakeJobRun run, FakeS3 s3) {
    if (run.entryPointArguments().contains("scenario")) {
      if (!writeNoResult) {
        URI result = URI.create(run.argument("--result"));
        s3.putObjectOutOfBand(result.getHost(), result.getPath().substring(1), scenarioResult(run));
      }
      return;
    }
    if (!run.entryPointArguments().contains("generate")) {
      return;
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      run.fail("Job failed, ExitCode: 1. Last few exceptions: java.lang.OutOfMemoryError: Java heap space");
      return;
    }
    URI lake = URI.create(run.argument("--lake"));
    long records = Long.parseLong(run.argument("--records"));
    String manifest = "{\"manifestVersion\":1,\"status\":\"COMPLETE\",\"records\":" + records
        + ",\"totalRows\":" + (records * 2) + ",\"totalBytes\":" + (records * 22) + ",\"durationSeconds\":12.5}";
    s3.putObjectOutOfBand(lake.getHost(), "_manifest.json", manifest);
  }

  /**
   * A result in the job's schema for the run's scenario: the catalog's SLOs with the run's target
   * overrides, each actual on the side of the target that gives the configured verdict.
   */
  private String scenarioResult(FakeJobRun run) {
    var definition = ScenarioCatalog.get(run.argument("--id"));
    java.util.Map<String, Double> overrides = new java.util.HashMap<>();
    java.util.Map<String, String> params = new java.util.HashMap<>();
    List<String> args = run.entryPointArguments();
    for (int i = 0; i + 1 < args.size(); i++) {
      String[] pair = args.get(i + 1).split("=", 2);
      if (args.get(i).equals("--slo")) {
        overrides.put(pair[0], Double.parseDouble(pair[1]));
      } else if (args.get(i).equals("--param")) {
        params.put(pair[0], pair[1]);
      }
    }
    boolean pass = "Passed".equals(verdict);
    List<ScenarioResult.Slo> slos = new java.util.ArrayList<>();
    for (SloDefinition slo : definition.resolveSlos(overrides)) {
      boolean atMost = slo.comparator() == SloDefinition.Comparator.AT_MOST;
      double actual = pass ? slo.target() : (atMost ? slo.target() * 2 + 1 : slo.target() / 2 - 1);
      slos.add(new ScenarioResult.Slo(slo.name(), slo.comparator().symbol(), slo.target(), actual, slo.unit(),
          pass ? "Passed" : "Failed", slo.description()));
    }
    var result = new ScenarioResult(ScenarioResult.VERSION, definition.id(), definition.title(), verdict,
        definition.resolveParameters(params), slos, "2026-11-26T10:00:00Z", "2026-11-26T10:01:00Z", 60.0, 1_000_000L,
        22_000_000L, 16_666.667, new ScenarioResult.Latency(40, 120.0, 250.5, 300.0, 410.0),
        new ScenarioResult.Engine("3.5.9", "emr-serverless", 32, "spark"), run.argument("--lake"), java.util.Map.of());
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
