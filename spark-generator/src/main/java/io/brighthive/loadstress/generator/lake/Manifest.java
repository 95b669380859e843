package io.brighthive.loadstress.generator.lake;

import java.util.List;

/**
 * {@code <lake>/_manifest.json}, written last: its presence with status COMPLETE means every listed
 * file is in place. The operator reads records, totalBytes and durationSeconds from it; the fields
 * are documented in README.md.
 */
public record Manifest(
    int manifestVersion,
    String status,
    String generatorVersion,
    GenerationParameters parameters,
    String startedAt,
    String finishedAt,
    long durationMillis,
    double durationSeconds,
    long records,
    long totalRows,
    long totalBytes,
    List<OutputStats> tables,
    List<OutputStats> groundTruth,
    SparkInfo spark,
    RedshiftLoadRecord redshift) {

  public static final int VERSION = 1;
  public static final String COMPLETE = "COMPLETE";

  public record SparkInfo(String version, String master, int defaultParallelism, long rowsPerTask) {}

  public boolean isCompleteFor(GenerationParameters wanted) {
    return COMPLETE.equals(status) && wanted.equals(parameters);
  }

  public Manifest withRedshift(RedshiftLoadRecord load) {
    return new Manifest(manifestVersion, status, generatorVersion, parameters, startedAt, finishedAt,
        durationMillis, durationSeconds, records, totalRows, totalBytes, tables, groundTruth, spark, load);
  }

  public OutputStats table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + name + " in the manifest"));
  }
}
