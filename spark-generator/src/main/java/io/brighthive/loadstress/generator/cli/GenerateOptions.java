package io.brighthive.loadstress.generator.cli;

import io.brighthive.loadstress.generator.data.DatasetId;
import io.brighthive.loadstress.generator.redshift.RedshiftOptions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The validated options of {@code generate}. */
public record GenerateOptions(
    String lake,
    long records,
    long seed,
    Set<DatasetId> datasets,
    double conflictRate,
    boolean force,
    long rowsPerTask,
    Optional<RedshiftOptions> redshift) {

  public static final double DEFAULT_CONFLICT_RATE = 0.15;
  public static final long DEFAULT_ROWS_PER_TASK = 4_000_000;
  public static final long MAX_RECORDS = 1_000_000_000_000L;

  public static final String USAGE = String.join("\n",
      "usage: generate --lake URI --records N --seed S [--datasets a,b,...] [--conflict-rate R] [--force]",
      "                [--rows-per-task N]",
      "                [--redshift-jdbc-url URL --redshift-iam-role ARN [--redshift-user U]",
      "                 [--redshift-password-env VAR] [--redshift-schema S]]",
      "  datasets: " + DatasetId.knownIds() + " (default: all)");

  private static final Set<String> VALUE_OPTIONS = Set.of(
      "lake", "records", "seed", "datasets", "conflict-rate", "rows-per-task", "redshift-jdbc-url",
      "redshift-user", "redshift-iam-role", "redshift-password-env", "redshift-schema");

  public static GenerateOptions parse(List<String> args) {
    CommandLine line = CommandLine.parse(args, VALUE_OPTIONS, Set.of("force"));
    String lake = line.required("lake");
    long records = line.requiredLong("records");
    if (records <= 0 || records > MAX_RECORDS) {
      throw new UsageException("--records must be between 1 and " + MAX_RECORDS + ", got " + records);
    }
    long seed = line.requiredLong("seed");
    double conflictRate = line.doubleValue("conflict-rate", DEFAULT_CONFLICT_RATE);
    if (!(conflictRate >= 0 && conflictRate <= 1)) {
      throw new UsageException("--conflict-rate must be between 0 and 1, got " + conflictRate);
    }
    long rowsPerTask = line.longValue("rows-per-task", DEFAULT_ROWS_PER_TASK);
    if (rowsPerTask < 1_000) {
      throw new UsageException("--rows-per-task must be at least 1000, got " + rowsPerTask);
    }
    return new GenerateOptions(lake, records, seed,
        datasets(line.value("datasets")), conflictRate, line.flag("force"), rowsPerTask, redshift(line));
  }

  private static Set<DatasetId> datasets(Optional<String> list) {
    if (list.isEmpty()) {
      return EnumSet.allOf(DatasetId.class);
    }
    Set<DatasetId> datasets = EnumSet.noneOf(DatasetId.class);
    for (String name : list.get().split(",")) {
      String id = name.trim().toLowerCase(Locale.ROOT);
      if (id.isEmpty()) {
        continue;
      }
      try {
        datasets.add(DatasetId.fromId(id));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (datasets.isEmpty()) {
      throw new UsageException("--datasets names no dataset; known datasets: " + DatasetId.knownIds());
    }
    return datasets;
  }

  private static Optional<RedshiftOptions> redshift(CommandLine line) {
    Optional<String> url = line.value("redshift-jdbc-url");
    if (url.isEmpty()) {
      boolean stray = Arrays.asList("redshift-user", "redshift-iam-role", "redshift-password-env", "redshift-schema")
          .stream().anyMatch(o -> line.value(o).isPresent());
      if (stray) {
        throw new UsageException("--redshift-* options need --redshift-jdbc-url");
      }
      return Optional.empty();
    }
    String jdbcUrl = url.get();
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new UsageException("--redshift-jdbc-url must be a JDBC URL (jdbc:redshift://host:5439/db)");
    }
    if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password")) {
      // A password in the URL would end up in logs and the manifest: refuse it outright.
      throw new UsageException("--redshift-jdbc-url must not contain a password; "
          + "use --redshift-password-env or the spark.loadstress.redshift.secret conf");
    }
    String role = line.required("redshift-iam-role");
    if (!role.startsWith("arn:")) {
      throw new UsageException("--redshift-iam-role must be an IAM role ARN, got '" + role + "'");
    }
    String schema = line.value("redshift-schema").orElse(RedshiftOptions.DEFAULT_SCHEMA);
    if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new UsageException("--redshift-schema must be a plain identifier, got '" + schema + "'");
    }
    return Optional.of(new RedshiftOptions(jdbcUrl, line.value("redshift-user"), role, schema,
        line.value("redshift-password-env")));
  }
}
