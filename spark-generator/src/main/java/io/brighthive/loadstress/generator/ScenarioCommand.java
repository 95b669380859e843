package io.brighthive.loadstress.generator;

import io.brighthive.loadstress.generator.cli.CommandLine;
import io.brighthive.loadstress.generator.cli.UsageException;
import io.brighthive.loadstress.generator.lake.Lake;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.ManifestStore;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioParameters;
import io.brighthive.loadstress.generator.scenario.ScenarioResult;
import io.brighthive.loadstress.generator.scenario.ScenarioRunner;
import io.brighthive.loadstress.generator.scenario.Scenarios;
import io.brighthive.loadstress.generator.scenario.catalog.CatalogException;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioCatalog;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioDefinition;
import io.brighthive.loadstress.generator.scenario.catalog.SloDefinition;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code scenario --id Sxx --lake URI --result URI [--param name=value]… [--slo name=target]…}:
 * checks everything against the catalog and the lake's manifest before Spark starts, runs the
 * workload, judges its SLOs and writes one result JSON. Exit status 0 whenever the result was
 * written, whatever the verdict (the verdict is in the file), 1 when the run broke, 2 on bad input.
 */
public final class ScenarioCommand {

  static final String USAGE = """
      scenario --id Sxx --lake URI --result URI [--param name=value]... [--slo name=target]...
        --id       one of S01..S16
        --lake     the lake that generate wrote (s3://bucket/prefix, a path or a file: URI)
        --result   where the result JSON goes (a file URI or path; s3:// on EMR)
        --param    a scenario parameter (repeatable); the catalog lists each scenario's
        --slo      an SLO target override (repeatable), such as --slo p95LatencyMs=2000""";

  private final Supplier<SparkSession> sessions;
  private final Clock clock;
  private final PrintStream out;

  public ScenarioCommand(Supplier<SparkSession> sessions, Clock clock, PrintStream out) {
    this.sessions = sessions;
    this.clock = clock;
    this.out = out;
  }

  /** The parsed and checked command line: nothing here needs Spark. */
  public record Invocation(ScenarioDefinition definition, String lake, String result, Map<String, String> parameters,
      List<SloDefinition> slos) {}

  public static Invocation parse(List<String> args) {
    List<String> plain = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    Map<String, Double> slos = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.startsWith("--param") ? "param" : arg.startsWith("--slo") ? "slo" : null;
      if (name == null || !(arg.equals("--" + name) || arg.startsWith("--" + name + "="))) {
        plain.add(arg);
        continue;
      }
      String pair;
      if (arg.equals("--" + name)) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option --" + name + " needs a value such as name=value");
        }
        pair = args.get(++i);
      } else {
        pair = arg.substring(name.length() + 3);
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--" + name + " takes name=value, got '" + pair + "'");
      }
      String key = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (name.equals("param")) {
        if (parameters.putIfAbsent(key, value) != null) {
          throw new UsageException("parameter '" + key + "' given more than once");
        }
      } else {
        double target;
        try {
          target = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new UsageException("--slo " + key + " needs a number as its target, got '" + value + "'");
        }
        if (slos.putIfAbsent(key, target) != null) {
          throw new UsageException("SLO '" + key + "' given more than once");
        }
      }
    }
    CommandLine line = CommandLine.parse(plain, Set.of("id", "lake", "result"), Set.of());
    try {
      ScenarioDefinition definition = ScenarioCatalog.get(line.required("id"));
      return new Invocation(definition, line.required("lake"), line.required("result"),
          definition.resolveParameters(parameters), definition.resolveSlos(slos));
    } catch (CatalogException e) {
      throw new UsageException(e.getMessage());
    }
  }

  public int run(List<String> args) throws Exception {
    Invocation invocation = parse(args);
    Manifest manifest = completeManifest(invocation.lake(), new Configuration());
    SparkSession spark = sessions.get();
    Lake lake = Lake.at(invocation.lake(), spark.sparkContext().hadoopConfiguration());
    ScenarioDefinition definition = invocation.definition();
    Scenario scenario = Scenarios.create(definition.id());
    Path scratch = new Path(new Path(lake.root(), "_scenario_work"), definition.id() + "-" + UUID.randomUUID());
    ScenarioContext context = new ScenarioContext(spark, lake, manifest,
        new ScenarioParameters(definition.id(), invocation.parameters()), scratch);
    ScenarioResult result = new ScenarioRunner(clock).run(definition, scenario, context, invocation.slos());
    Path target = new Path(invocation.result());
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    ScenarioRunner.write(result, fs.makeQualified(target), fs);
    out.println("scenario " + definition.id() + " (" + definition.title() + "): " + result.verdict() + "; "
        + result.slos().stream().map(s -> s.name() + " " + s.actual() + " " + s.comparator() + " " + s.target() + " " + s.verdict())
            .collect(Collectors.joining(", "))
        + "; result at " + fs.makeQualified(target));
    return Main.OK;
  }

  /** The lake's manifest; bad input (exit 2) when there is none, so a scenario never runs on half a lake. */
  static Manifest completeManifest(String lakeUri, Configuration conf) {
    try {
      Lake lake = Lake.at(lakeUri, conf);
      return new ManifestStore(lake).read().filter(m -> "COMPLETE".equals(m.status()))
          .orElseThrow(() -> new UsageException("the lake at " + lakeUri
              + " has no complete manifest (_manifest.json): run generate first"));
    } catch (IOException | RuntimeException e) {
      if (e instanceof UsageException usage) {
        throw usage;
      }
      throw new UsageException("cannot read the lake at " + lakeUri + ": " + e.getMessage());
    }
  }
}
