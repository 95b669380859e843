package io.brighthive.loadstress.generator.scenario.workloads;

/** A count of defective rows of one kind: {@code missing}, {@code duplicate}, {@code invalid} or {@code orphan}. */
record S05Finding(String table, String column, String check, long rows) {

  String key() {
    return table + "." + column + ":" + check;
  }
}
