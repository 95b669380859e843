package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.Objects;

/**
 * One column change between two consecutive schema versions of a catalogued table. Two changes are
 * the same when table, versions, kind and names agree; a retype must also agree on the new type.
 */
record S11SchemaChange(int tableId, int fromVersion, String kind, String column, String newColumn, String oldType,
    String newType) {

  static final String ADDED = "ADDED";
  static final String REMOVED = "REMOVED";
  static final String RENAMED = "RENAMED";
  static final String RETYPED = "RETYPED";

  String key() {
    String tail = switch (kind) {
      case RENAMED -> newColumn;
      case RETYPED -> oldType + "->" + newType;
      default -> "";
    };
    return tableId + "/" + fromVersion + "/" + kind + "/" + column + "/" + Objects.toString(tail, "");
  }
}
