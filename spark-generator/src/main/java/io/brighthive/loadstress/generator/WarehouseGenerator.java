package io.brighthive.loadstress.generator;

import io.brighthive.loadstress.generator.cli.GenerateOptions;
import io.brighthive.loadstress.generator.data.DatasetId;
import io.brighthive.loadstress.generator.data.GenerationContext;
import io.brighthive.loadstress.generator.data.Generators;
import io.brighthive.loadstress.generator.data.HashRandom;
import io.brighthive.loadstress.generator.data.Output;
import io.brighthive.loadstress.generator.data.Sizes;
import io.brighthive.loadstress.generator.lake.GenerationParameters;
import io.brighthive.loadstress.generator.lake.Lake;
import io.brighthive.loadstress.generator.lake.LakeWriter;
import io.brighthive.loadstress.generator.lake.ParallelWrites;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.ManifestStore;
import io.brighthive.loadstress.generator.lake.OutputStats;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the requested datasets into the lake unless a complete manifest for the same parameters
 * is already there. A regeneration first removes the manifest, so an interrupted run is never
 * mistaken for a complete one; the caller writes the new manifest last.
 */
public final class WarehouseGenerator {

  /** Bump when the same parameters start producing different data. */
  public static final int DATA_VERSION = 1;
  /** Concurrent Spark jobs: small outputs are dominated by driver-side planning and commit. */
  static final int WRITE_THREADS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(WarehouseGenerator.class);

  private final SparkSession spark;
  private final Clock clock;

  public WarehouseGenerator(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.clock = clock;
  }

  public record Result(boolean skipped, Manifest manifest) {}

  public static GenerationParameters parameters(GenerateOptions options) {
    return new GenerationParameters(options.records(), options.seed(),
        options.datasets().stream().map(DatasetId::id).sorted().toList(),
        options.conflictRate(), DATA_VERSION);
  }

  public Result run(GenerateOptions options, Lake lake) throws IOException {
    GenerationParameters parameters = parameters(options);
    ManifestStore store = new ManifestStore(lake);
    Optional<Manifest> existing = store.read();
    if (!options.force() && existing.isPresent() && existing.get().isCompleteFor(parameters)) {
      return new Result(true, existing.get());
    }
    existing.ifPresentOrElse(
        m -> LOG.info("Regenerating {}: {}", lake.root(), options.force() ? "--force" : "parameters changed"),
        () -> LOG.info("Generating into {} (no complete manifest there)", lake.root()));
    store.delete();

    Instant start = clock.instant();
    int parallelism = spark.sparkContext().defaultParallelism();
    GenerationContext context = new GenerationContext(spark, Sizes.forRecords(options.records()),
        new HashRandom(options.seed()), options.conflictRate(), options.rowsPerTask(), parallelism);
    List<Output> outputs = options.datasets().stream()
        .flatMap(d -> Generators.forDataset(d).outputs(context).stream())
        .toList();
    Set<Path> keep = outputs.stream().map(lake::pathFor).collect(Collectors.toSet());
    lake.deleteStale(keep).forEach(p -> LOG.info("Deleted stale {}", p));

    List<OutputStats> written = new ParallelWrites(new LakeWriter(lake), WRITE_THREADS).writeAll(outputs);
    List<OutputStats> tables = new ArrayList<>();
    List<OutputStats> groundTruth = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      (outputs.get(i).kind() == Output.Kind.TABLE ? tables : groundTruth).add(written.get(i));
    }
    Instant end = clock.instant();
    return new Result(false, manifest(parameters, options, start, end, tables, groundTruth, parallelism));
  }

  private Manifest manifest(GenerationParameters parameters, GenerateOptions options, Instant start,
      Instant end, List<OutputStats> tables, List<OutputStats> groundTruth, int parallelism) {
    long millis = Duration.between(start, end).toMillis();
    long rows = tables.stream().mapToLong(OutputStats::rows).sum();
    long bytes = tables.stream().mapToLong(OutputStats::bytes).sum()
        + groundTruth.stream().mapToLong(OutputStats::bytes).sum();
    return new Manifest(Manifest.VERSION, Manifest.COMPLETE, GeneratorVersion.get(), parameters,
        start.toString(), end.toString(), millis, millis / 1000.0, options.records(), rows, bytes,
        List.copyOf(tables), List.copyOf(groundTruth),
        new Manifest.SparkInfo(spark.version(), spark.sparkContext().master(), parallelism, options.rowsPerTask()),
        null);
  }
}
