package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Join paths over relationships: the shortest chain of many-to-one joins from one table to another
 * (breadth-first, ties broken by the relationships' keys so the answer is stable). A many-to-one
 * chain never multiplies rows, so running it is safe at any scale.
 */
final class S07JoinPaths {

  private final Map<String, List<S07Relationship>> outgoing = new HashMap<>();

  S07JoinPaths(Collection<S07Relationship> relationships) {
    relationships.stream().sorted((a, b) -> a.key().compareTo(b.key()))
        .forEach(r -> outgoing.computeIfAbsent(r.childTable(), t -> new ArrayList<>()).add(r));
  }

  Optional<List<S07Relationship>> shortest(String from, String to) {
    Map<String, S07Relationship> via = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      String table = queue.poll();
      if (table.equals(to)) {
        List<S07Relationship> path = new ArrayList<>();
        for (String t = to; !t.equals(from); t = via.get(t).childTable()) {
          path.add(0, via.get(t));
        }
        return Optional.of(path);
      }
      for (S07Relationship r : outgoing.getOrDefault(table, List.of())) {
        if (!r.parentTable().equals(from) && !via.containsKey(r.parentTable())) {
          via.put(r.parentTable(), r);
          queue.add(r.parentTable());
        }
      }
    }
    return Optional.empty();
  }

  /** Every ordered pair of tables joined by at least one many-to-one chain. */
  List<List<String>> connectedPairs() {
    TreeSet<String> tables = new TreeSet<>(outgoing.keySet());
    outgoing.values().forEach(rs -> rs.forEach(r -> tables.add(r.parentTable())));
    List<List<String>> pairs = new ArrayList<>();
    for (String from : tables) {
      for (String to : tables) {
        if (!from.equals(to) && shortest(from, to).isPresent()) {
          pairs.add(List.of(from, to));
        }
      }
    }
    return pairs;
  }

  /** The SQL that counts the rows of the path's first table that reach its last table. */
  static String countSql(List<S07Relationship> path, String viewPrefix) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM " + viewPrefix + path.get(0).childTable() + " t0");
    for (int i = 0; i < path.size(); i++) {
      S07Relationship r = path.get(i);
      sql.append(" JOIN ").append(viewPrefix).append(r.parentTable()).append(" t").append(i + 1)
          .append(" ON t").append(i).append('.').append(r.childColumn())
          .append(" = t").append(i + 1).append('.').append(r.parentColumn());
    }
    return sql.toString();
  }
}
