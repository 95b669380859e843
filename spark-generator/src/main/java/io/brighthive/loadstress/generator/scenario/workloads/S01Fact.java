package io.brighthive.loadstress.generator.scenario.workloads;

/**
 * One line of profile knowledge that may go into the agent's context. Priority 0 is what the
 * agent cannot do without (each table's size, columns and keys); higher numbers are dropped first:
 * 1 column statistics, 2 top values, 3 sample rows.
 */
record S01Fact(int priority, String table, String text) {

  static final int TOP = 0;
  static final int COLUMN_STATS = 1;
  static final int TOP_VALUES = 2;
  static final int SAMPLES = 3;
}
