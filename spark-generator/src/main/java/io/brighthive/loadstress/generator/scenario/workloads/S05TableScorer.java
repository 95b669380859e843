package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.warehouse.QueryResult;
import io.brighthive.loadstress.generator.scenario.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores one table with one SQL statement in the dialect both warehouses accept: one aggregation
 * over the table (completeness and approximate distinctness of every column, validity of each
 * rule, the newest timestamp, and orphans through a left join to each parent's distinct keys)
 * beside one grouping by the key for exact duplicates.
 */
final class S05TableScorer {

  /** distinctRatio: distinct values per non-null value, estimated (HyperLogLog) over every row. */
  record ColumnScore(double completeness, double distinctRatio, Double validity) {}

  record TableScore(String table, long rows, double completeness, double uniqueness, double validity, double referentialIntegrity,
      Double freshnessAgeDays, Double freshness, Map<String, ColumnScore> columns, List<S05Finding> findings, long millis) {

    double overall() {
      double sum = completeness + uniqueness + validity + referentialIntegrity + (freshness == null ? 0 : freshness);
      return sum / (freshness == null ? 4 : 5);
    }
  }

  private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private S05TableScorer() {}

  /**
   * The statement that scores a table. {@code source} is what to read as the table (a view name or
   * a parenthesised query); {@code sources} gives the same for the parents of its foreign keys, and
   * null for a parent that is not in the lake (that foreign key is then not checked).
   */
  static String statement(String source, List<String> columns, S05QualityRules rules, Function<String, String> sources,
      Instant asOf) {
    List<String> aggregates = new ArrayList<>();
    aggregates.add("COUNT(*) AS row_count");
    for (int i = 0; i < columns.size(); i++) {
      aggregates.add("COUNT(" + columns.get(i) + ") AS n" + i);
      aggregates.add("approx_count_distinct(" + columns.get(i) + ") AS d" + i);
    }
    List<String> ruled = ruled(rules);
    for (int r = 0; r < ruled.size(); r++) {
      aggregates.add("SUM(CASE WHEN " + ruled.get(r) + " IS NOT NULL AND NOT (" + rules.validity().get(ruled.get(r))
          + ") THEN 1 ELSE 0 END) AS bad" + r);
    }
    if (rules.freshnessColumn() != null) {
      String time = rules.freshnessColumn();
      aggregates.add("MAX(CASE WHEN " + time + " <= " + timestamp(asOf) + " THEN " + time + " END) AS latest");
    }
    StringBuilder from = new StringBuilder("t");
    List<S05QualityRules.ForeignKey> checked = checked(rules, sources);
    for (int f = 0; f < checked.size(); f++) {
      S05QualityRules.ForeignKey fk = checked.get(f);
      from.append(" LEFT JOIN (SELECT DISTINCT ").append(fk.parentColumn()).append(" AS pk").append(f).append(" FROM ")
          .append(sources.apply(fk.parentTable())).append(" p").append(f).append(") k").append(f)
          .append(" ON t.").append(fk.column()).append(" = k").append(f).append(".pk").append(f);
      aggregates.add("COUNT(t." + fk.column() + ") AS fkrows" + f);
      aggregates.add("SUM(CASE WHEN t." + fk.column() + " IS NOT NULL AND k" + f + ".pk" + f + " IS NULL THEN 1 ELSE 0 END) AS orphans" + f);
    }
    String stats = "SELECT " + String.join(", ", aggregates) + " FROM " + from;
    if (rules.key().isEmpty()) {
      return "WITH t AS (SELECT * FROM " + source + " s) " + stats;
    }
    String key = String.join(", ", rules.key());
    String present = String.join(" AND ", rules.key().stream().map(k -> k + " IS NOT NULL").toList());
    String duplicates = "SELECT COALESCE(SUM(n), 0) AS key_rows, COALESCE(SUM(n - 1), 0) AS duplicates FROM (SELECT COUNT(*) AS n FROM t"
        + " WHERE " + present + " GROUP BY " + key + ") g";
    return "WITH t AS (SELECT * FROM " + source + " s) SELECT * FROM (" + stats + ") a CROSS JOIN (" + duplicates + ") b";
  }

  static TableScore score(Warehouse warehouse, String source, List<String> columns, S05QualityRules rules,
      Function<String, String> sources, Instant asOf, double freshnessDays) {
    long start = System.nanoTime();
    QueryResult result = warehouse.query(statement(source, columns, rules, sources, asOf));
    Map<String, Object> stats = new LinkedHashMap<>();
    for (int i = 0; i < result.columns().size(); i++) {
      stats.put(result.columns().get(i), result.rows().get(0).get(i));
    }
    long rows = count(stats, "row_count");
    List<String> ruled = ruled(rules);
    List<S05Finding> findings = new ArrayList<>();
    Map<String, ColumnScore> columnScores = new LinkedHashMap<>();
    double completeness = 0;
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      long nonNull = count(stats, "n" + i);
      int rule = ruled.indexOf(column);
      Double validity = null;
      if (rule >= 0) {
        long bad = count(stats, "bad" + rule);
        validity = nonNull == 0 ? 1.0 : 1.0 - (double) bad / nonNull;
        if (bad > 0) {
          findings.add(new S05Finding(rules.table(), column, "invalid", bad));
        }
      }
      if (rules.required().contains(column) && nonNull < rows) {
        findings.add(new S05Finding(rules.table(), column, "missing", rows - nonNull));
      }
      double filled = rows == 0 ? 1.0 : (double) nonNull / rows;
      completeness += filled / columns.size();
      double distinct = nonNull == 0 ? 0 : Math.min(1.0, (double) count(stats, "d" + i) / nonNull);
      columnScores.put(column, new ColumnScore(round(filled), round(distinct), validity == null ? null : round(validity)));
    }
    double validity = columnScores.values().stream().filter(c -> c.validity() != null).mapToDouble(ColumnScore::validity)
        .average().orElse(1.0);
    List<S05QualityRules.ForeignKey> checked = checked(rules, sources);
    long childRows = 0;
    long orphans = 0;
    for (int f = 0; f < checked.size(); f++) {
      long orphaned = count(stats, "orphans" + f);
      childRows += count(stats, "fkrows" + f);
      orphans += orphaned;
      if (orphaned > 0) {
        findings.add(new S05Finding(rules.table(), checked.get(f).column(), "orphan", orphaned));
      }
    }
    double uniqueness = 1.0;
    if (!rules.key().isEmpty()) {
      long keyRows = count(stats, "key_rows");
      long duplicates = count(stats, "duplicates");
      uniqueness = keyRows == 0 ? 1.0 : 1.0 - (double) duplicates / keyRows;
      if (duplicates > 0) {
        findings.add(new S05Finding(rules.table(), String.join("+", rules.key()), "duplicate", duplicates));
      }
    }
    Double age = null;
    Double freshness = null;
    if (rules.freshnessColumn() != null && stats.get("latest") != null) {
      age = Duration.between(instant(stats.get("latest")), asOf).toSeconds() / 86_400.0;
      freshness = age <= freshnessDays ? 1.0 : freshnessDays / age;
    }
    return new TableScore(rules.table(), rows, round(completeness), round(uniqueness), round(validity),
        round(childRows == 0 ? 1.0 : 1.0 - (double) orphans / childRows), age == null ? null : round(age),
        freshness == null ? null : round(freshness), columnScores, findings,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static List<String> ruled(S05QualityRules rules) {
    List<String> ruled = new ArrayList<>(rules.validity().keySet());
    ruled.sort(null);
    return ruled;
  }

  private static List<S05QualityRules.ForeignKey> checked(S05QualityRules rules, Function<String, String> sources) {
    return rules.foreignKeys().stream().filter(fk -> sources.apply(fk.parentTable()) != null).toList();
  }

  /** A timestamp literal both engines read as that instant (DuckDB's session is in UTC, see DuckDbWarehouse). */
  static String timestamp(Instant instant) {
    return "TIMESTAMP '" + LITERAL.format(instant.atOffset(ZoneOffset.UTC)) + " UTC'";
  }

  /** An aggregate as a long: engines answer counts and sums as Long, BigInteger or BigDecimal, and an empty sum as null. */
  private static long count(Map<String, Object> stats, String name) {
    if (!stats.containsKey(name)) {
      throw new IllegalStateException("the scoring statement returned no column " + name + ": " + stats.keySet());
    }
    Object value = stats.get(name);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** The newest value of a freshness column as an instant; a date or a zoneless timestamp counts as UTC. */
  static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("not a point in time: " + value + " (" + value.getClass().getName() + ")");
  }

  static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
