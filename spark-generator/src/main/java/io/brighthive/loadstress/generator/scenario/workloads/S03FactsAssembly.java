package io.brighthive.loadstress.generator.scenario.workloads;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** Joins the collected catalog, column, and usage rows into one {@link S03TableFacts} per table. */
final class S03FactsAssembly {

  private S03FactsAssembly() {}

  /**
   * tables: catalog_tables rows; columns: (table_id, version, ordinal, column_name, data_type, is_nullable);
   * usage: (table_id, query_type, queries, last query time, set of users).
   */
  static List<S03TableFacts> assemble(List<Row> tables, List<Row> columns, List<Row> usage, Map<String, String> referenceColumns) {
    Map<Integer, TreeMap<Integer, List<S03TableFacts.Column>>> versions = new HashMap<>();
    for (Row c : columns) {
      versions.computeIfAbsent(c.getInt(0), k -> new TreeMap<>()).computeIfAbsent(c.getInt(1), k -> new ArrayList<>())
          .add(new S03TableFacts.Column(c.getInt(2), c.getString(3), c.getString(4), c.getBoolean(5)));
    }
    Map<Integer, S03TableFacts.Usage> usageById = new HashMap<>();
    Map<Integer, Long> topCount = new HashMap<>();
    Map<Integer, Set<String>> users = new HashMap<>();
    for (Row u : usage) {
      int id = ((Number) u.get(0)).intValue();
      String type = u.getString(1);
      long n = u.getLong(2);
      Instant last = ((Timestamp) u.get(3)).toInstant();
      users.computeIfAbsent(id, k -> new HashSet<>()).addAll(u.getList(4));
      S03TableFacts.Usage so = usageById.get(id);
      Long best = topCount.get(id);
      boolean top = best == null || n > best || (n == best && type.compareTo(so.topQueryType()) < 0);
      if (top) {
        topCount.put(id, n);
      }
      usageById.put(id, new S03TableFacts.Usage((so == null ? 0 : so.queries()) + n,
          so == null || last.isAfter(so.lastQuery()) ? last : so.lastQuery(), users.get(id).size(),
          top ? type : so.topQueryType()));
    }
    Map<String, List<String>> bySystemEntity = new HashMap<>();
    Map<String, Integer> byEntity = new HashMap<>();
    for (Row t : tables) {
      String name = t.getAs("table_name");
      String entity = S03TableFacts.entity(name);
      bySystemEntity.computeIfAbsent(t.getAs("source_system") + "/" + entity, k -> new ArrayList<>()).add(name);
      byEntity.merge(entity, 1, Integer::sum);
    }
    List<S03TableFacts> facts = new ArrayList<>();
    for (Row t : tables) {
      int id = t.getAs("table_id");
      String name = t.getAs("table_name");
      String system = t.getAs("source_system");
      int current = t.getAs("current_version");
      TreeMap<Integer, List<S03TableFacts.Column>> history = versions.getOrDefault(id, new TreeMap<>());
      List<S03TableFacts.Column> schema = new ArrayList<>(history.getOrDefault(current, List.of()));
      schema.sort(Comparator.comparingInt(S03TableFacts.Column::ordinal));
      List<Integer> perVersion = history.values().stream().map(List::size).toList();
      S03TableFacts.Usage used = usageById.getOrDefault(id, new S03TableFacts.Usage(0, null, 0, null));
      List<String> references = new ArrayList<>();
      for (S03TableFacts.Column column : schema) {
        String entity = referenceColumns.get(column.name());
        if (entity != null) {
          bySystemEntity.getOrDefault(system + "/" + entity, List.of()).stream().filter(other -> !other.equals(name))
              .forEach(other -> references.add(other + " via " + column.name()));
        }
      }
      facts.add(new S03TableFacts(id, name, system, t.getAs("owner_team"), ((Date) t.getAs("created_at")).toLocalDate(), current,
          t.getAs("column_count"), schema, perVersion, used, references, byEntity.get(S03TableFacts.entity(name)) - 1));
    }
    return facts;
  }
}
