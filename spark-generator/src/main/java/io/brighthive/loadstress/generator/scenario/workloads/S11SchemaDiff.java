package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Detects the changes between two versions of a table's schema without knowing how they were made.
 * Columns with the same name are compared by type. A dropped column and a new column are taken for
 * one renamed column when both sit after the same surviving column and their names are alike (one
 * extends the other, or they share most of a prefix); otherwise they are a removal and an addition.
 */
final class S11SchemaDiff {

  /** One column of a version, in ordinal order. */
  record Column(String name, String type) {}

  private static final double RENAME_SIMILARITY = 0.5;

  private S11SchemaDiff() {}

  static List<S11SchemaChange> diff(int tableId, int fromVersion, List<Column> before, List<Column> after) {
    Map<String, Column> oldByName = byName(before);
    Map<String, Column> newByName = byName(after);
    Set<String> common = new HashSet<>(oldByName.keySet());
    common.retainAll(newByName.keySet());
    List<S11SchemaChange> changes = new ArrayList<>();
    for (Column column : after) {
      Column old = oldByName.get(column.name());
      if (old != null && !old.type().equals(column.type())) {
        changes.add(new S11SchemaChange(tableId, fromVersion, S11SchemaChange.RETYPED, column.name(), null, old.type(),
            column.type()));
      }
    }
    Map<String, String> removedAnchor = anchors(before, common);
    Map<String, String> addedAnchor = anchors(after, common);
    Set<String> matchedNew = new HashSet<>();
    for (Column removed : before) {
      if (common.contains(removed.name())) {
        continue;
      }
      Column best = null;
      double bestScore = RENAME_SIMILARITY;
      for (Column added : after) {
        if (common.contains(added.name()) || matchedNew.contains(added.name())
            || !removedAnchor.get(removed.name()).equals(addedAnchor.get(added.name()))) {
          continue;
        }
        double score = similarity(removed.name(), added.name());
        if (score >= bestScore) {
          best = added;
          bestScore = score;
        }
      }
      if (best == null) {
        changes.add(new S11SchemaChange(tableId, fromVersion, S11SchemaChange.REMOVED, removed.name(), null, removed.type(),
            null));
        continue;
      }
      matchedNew.add(best.name());
      changes.add(new S11SchemaChange(tableId, fromVersion, S11SchemaChange.RENAMED, removed.name(), best.name(),
          removed.type(), removed.type()));
      if (!best.type().equals(removed.type())) {
        changes.add(new S11SchemaChange(tableId, fromVersion, S11SchemaChange.RETYPED, best.name(), null, removed.type(),
            best.type()));
      }
    }
    for (Column added : after) {
      if (!common.contains(added.name()) && !matchedNew.contains(added.name())) {
        changes.add(new S11SchemaChange(tableId, fromVersion, S11SchemaChange.ADDED, added.name(), null, null, added.type()));
      }
    }
    return changes;
  }

  /** 1 when one name extends the other at a word boundary, else the shared prefix over the longer name. */
  static double similarity(String a, String b) {
    if (a.startsWith(b + "_") || b.startsWith(a + "_")) {
      return 1.0;
    }
    int prefix = 0;
    while (prefix < Math.min(a.length(), b.length()) && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return (double) prefix / Math.max(a.length(), b.length());
  }

  private static Map<String, Column> byName(List<Column> columns) {
    Map<String, Column> map = new LinkedHashMap<>();
    columns.forEach(c -> map.put(c.name(), c));
    return map;
  }

  /** For each column that is not common, the nearest common column before it ("" at the start). */
  private static Map<String, String> anchors(List<Column> columns, Set<String> common) {
    Map<String, String> anchors = new LinkedHashMap<>();
    String anchor = "";
    for (Column column : columns) {
      if (common.contains(column.name())) {
        anchor = column.name();
      } else {
        anchors.put(column.name(), anchor);
      }
    }
    return anchors;
  }
}
