package io.brighthive.loadstress.generator;

import io.brighthive.loadstress.generator.cli.GenerateOptions;
import io.brighthive.loadstress.generator.lake.Lake;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.ManifestStore;
import io.brighthive.loadstress.generator.lake.OutputStats;
import io.brighthive.loadstress.generator.lake.RedshiftLoadRecord;
import io.brighthive.loadstress.generator.redshift.RedshiftCredentials;
import io.brighthive.loadstress.generator.redshift.RedshiftLoadPlan;
import io.brighthive.loadstress.generator.redshift.RedshiftLoader;
import io.brighthive.loadstress.generator.redshift.RedshiftOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code generate}: lake data, then the optional Redshift load, then the manifest, last. */
public final class GenerateCommand {

  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

  private final Supplier<SparkSession> sessions;
  private final Clock clock;
  private final RedshiftLoader redshiftLoader;
  private final Function<String, String> environment;
  private final PrintStream out;

  public GenerateCommand(Supplier<SparkSession> sessions, Clock clock, RedshiftLoader redshiftLoader,
      Function<String, String> environment, PrintStream out) {
    this.sessions = sessions;
    this.clock = clock;
    this.redshiftLoader = redshiftLoader;
    this.environment = environment;
    this.out = out;
  }

  /** Parses first: bad input fails before a session starts or anything is written. */
  public int run(List<String> args) throws Exception {
    GenerateOptions options = GenerateOptions.parse(args);
    SparkSession spark = sessions.get();
    Lake lake = Lake.at(options.lake(), spark.sparkContext().hadoopConfiguration());
    WarehouseGenerator.Result result = new WarehouseGenerator(spark, clock).run(options, lake);
    Manifest manifest = result.manifest();
    if (result.skipped()) {
      out.println("generate: skipped, " + lake.manifest() + " is complete for these parameters "
          + "(records=" + options.records() + ", seed=" + options.seed() + "); use --force to regenerate");
    }
    Optional<RedshiftLoadRecord> load = loadRedshift(options, lake, manifest, result.skipped(), spark);
    if (!result.skipped() || load.isPresent()) {
      manifest = manifest.withRedshift(load.orElse(result.skipped() ? manifest.redshift() : null));
      new ManifestStore(lake).write(manifest);
    }
    if (!result.skipped()) {
      out.printf("generate: wrote %d tables, %,d rows, %,d bytes to %s in %.1f s%n",
          manifest.tables().size(), manifest.totalRows(), manifest.totalBytes(), lake.root(),
          manifest.durationSeconds());
    }
    return 0;
  }

  private Optional<RedshiftLoadRecord> loadRedshift(GenerateOptions options, Lake lake, Manifest manifest,
      boolean skipped, SparkSession spark) throws Exception {
    if (options.redshift().isEmpty()) {
      LOG.info("Redshift load skipped: no --redshift-jdbc-url given");
      return Optional.empty();
    }
    RedshiftOptions redshift = options.redshift().get();
    if (!RedshiftLoadPlan.canCopyFrom(lake.uri())) {
      LOG.info("Redshift load skipped: COPY reads only from S3 and the lake is {}", lake.uri());
      return Optional.empty();
    }
    RedshiftLoadRecord previous = manifest.redshift();
    if (skipped && previous != null && previous.jdbcUrl().equals(redshift.jdbcUrl())
        && previous.schema().equals(redshift.schema())) {
      LOG.info("Redshift load skipped: {} was loaded at {}", redshift.jdbcUrl(), previous.loadedAt());
      return Optional.empty();
    }
    Set<String> tables = manifest.tables().stream().map(OutputStats::name).collect(Collectors.toSet());
    RedshiftLoadPlan plan = RedshiftLoadPlan.forLake(lake.uri(), redshift.iamRole(), redshift.schema(), tables);
    if (plan.tables().isEmpty()) {
      LOG.info("Redshift load skipped: none of the warehouse tables was generated");
      return Optional.empty();
    }
    RedshiftCredentials credentials = RedshiftCredentials.resolve(redshift, environment,
        key -> Optional.ofNullable(spark.sparkContext().getConf().get(key, null)));
    redshiftLoader.load(plan, redshift.jdbcUrl(), credentials);
    return Optional.of(new RedshiftLoadRecord(redshift.jdbcUrl(), redshift.schema(), plan.tables(),
        clock.instant().toString()));
  }
}
