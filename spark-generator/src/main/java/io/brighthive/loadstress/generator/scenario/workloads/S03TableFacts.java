package io.brighthive.loadstress.generator.scenario.workloads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything known about one catalogued table, gathered in Spark and rendered on the driver. */
record S03TableFacts(int tableId, String tableName, String sourceSystem, String ownerTeam, LocalDate createdAt, int currentVersion,
    int columnCount, List<Column> columns, List<Integer> columnsPerVersion, Usage usage, List<String> references,
    int sameEntityTables) {

  record Column(int ordinal, String name, String dataType, boolean nullable) {}

  /** Queries against the table; {@code lastQuery} is null when it was never queried. */
  record Usage(long queries, Instant lastQuery, int users, String topQueryType) {

    String status(Instant asOf, int staleAfterDays) {
      if (queries == 0 || lastQuery == null) {
        return "never queried";
      }
      return lastQuery.isBefore(asOf.minusSeconds(86_400L * staleAfterDays)) ? "stale" : "active";
    }
  }

  /** The business entity in a name such as {@code salesforce_1.accounts_0042}: {@code accounts}. */
  static String entity(String tableName) {
    String local = tableName.substring(tableName.indexOf('.') + 1);
    int suffix = local.lastIndexOf('_');
    return suffix > 0 && local.substring(suffix + 1).chars().allMatch(Character::isDigit) ? local.substring(0, suffix) : local;
  }
}
