package io.brighthive.loadstress.generator.scenario.workloads;

/** A many-to-one join: every value of the child column is a value of the parent's key column. */
record S07Relationship(String childTable, String childColumn, String parentTable, String parentColumn) {

  String key() {
    return childTable + "." + childColumn + "->" + parentTable + "." + parentColumn;
  }

  @Override
  public String toString() {
    return key();
  }
}
