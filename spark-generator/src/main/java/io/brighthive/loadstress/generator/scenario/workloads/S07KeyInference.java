package io.brighthive.loadstress.generator.scenario.workloads;

/**
 * Decides whether a column references another table's key, from the names and from how many of the
 * column's sampled values the key contains. Numbers overlap by accident (any small integer is some
 * table's id), so a numeric reference needs name evidence; a text reference may rest on the
 * values alone when enough distinct values were sampled.
 */
final class S07KeyInference {

  static final double MIN_CONTAINMENT = 0.99;
  static final int MIN_SAMPLE_FOR_VALUES_ONLY = 20;

  enum NameEvidence { NONE, SAME_NAME, QUALIFIED_NAME, TABLE_STEM }

  private S07KeyInference() {}

  /** customer_id = customer_id; source_node_id ends with _node_id; customer_id for table customers with key id. */
  static NameEvidence nameEvidence(String childColumn, String parentTable, String parentColumn) {
    String child = childColumn.toLowerCase();
    String key = parentColumn.toLowerCase();
    if (child.equals(key)) {
      return NameEvidence.SAME_NAME;
    }
    if (child.endsWith("_" + key) && key.contains("_")) {
      return NameEvidence.QUALIFIED_NAME;
    }
    if (key.equals("id") && child.equals(stem(parentTable) + "_id")) {
      return NameEvidence.TABLE_STEM;
    }
    return NameEvidence.NONE;
  }

  static boolean accept(NameEvidence evidence, boolean numeric, int sampled, int contained) {
    if (sampled == 0) {
      return false;
    }
    boolean overlaps = (double) contained / sampled >= MIN_CONTAINMENT;
    if (evidence != NameEvidence.NONE) {
      return overlaps;
    }
    return !numeric && overlaps && sampled >= MIN_SAMPLE_FOR_VALUES_ONLY;
  }

  static String stem(String table) {
    String t = table.toLowerCase();
    if (t.endsWith("ies")) {
      return t.substring(0, t.length() - 3) + "y";
    }
    return t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
  }
}
