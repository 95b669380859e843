package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.workloads.S01TableProfiler.ColumnProfile;
import io.brighthive.loadstress.generator.scenario.workloads.S01TableProfiler.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a table profile as facts, one line each, with their priorities. */
final class S01ProfileFacts {

  /** A first column this close to one distinct value per row, with no nulls, is named as the table's candidate key. */
  private static final double KEY_SHARE = 0.9;

  private S01ProfileFacts() {}

  static List<S01Fact> of(TableProfile profile) {
    List<S01Fact> facts = new ArrayList<>();
    String table = profile.table();
    StringBuilder header = new StringBuilder(table).append(": ").append(profile.rows()).append(" rows; key ")
        .append(candidateKey(profile)).append("; columns ");
    for (int i = 0; i < profile.columns().size(); i++) {
      ColumnProfile column = profile.columns().get(i);
      header.append(i == 0 ? "" : ", ").append(column.name()).append(' ').append(column.type());
    }
    facts.add(new S01Fact(S01Fact.TOP, table, header.toString()));
    for (ColumnProfile column : profile.columns()) {
      double nullShare = profile.rows() == 0 ? 0 : 100.0 * (profile.rows() - column.nonNull()) / profile.rows();
      String range = column.text() ? "length " + column.min() + "-" + column.max() : "min " + column.min() + ", max " + column.max();
      facts.add(new S01Fact(S01Fact.COLUMN_STATS, table, String.format(Locale.ROOT, "%s.%s: %.1f%% null, ~%d distinct, %s",
          table, column.name(), nullShare, column.distinct(), range)));
    }
    for (var top : profile.topValues().entrySet()) {
      StringBuilder line = new StringBuilder(table).append('.').append(top.getKey()).append(" top values: ");
      int i = 0;
      for (Map.Entry<String, Long> value : top.getValue()) {
        line.append(i++ == 0 ? "" : ", ").append(value.getKey()).append(' ')
            .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * value.getValue() / Math.max(1, profile.rows())));
      }
      facts.add(new S01Fact(S01Fact.TOP_VALUES, table, line.toString()));
    }
    for (String sample : profile.samples()) {
      facts.add(new S01Fact(S01Fact.SAMPLES, table, table + " sample: " + sample));
    }
    return facts;
  }

  static String candidateKey(TableProfile profile) {
    if (profile.columns().isEmpty()) {
      return "none";
    }
    ColumnProfile first = profile.columns().get(0);
    boolean key = first.nonNull() == profile.rows() && first.distinct() >= KEY_SHARE * profile.rows();
    return key ? first.name() : "none";
  }
}
