package io.brighthive.loadstress.generator.scenario.workloads;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each version of the time-travel table must answer, built from one aggregate of the source
 * rows by (slice, status): version v &lt; last holds slices 0..v-1, the last version holds every
 * slice minus the deleted status. Answers are count and revenue per status.
 */
final class S06Expectations {

  /** Rows and revenue of one status. */
  record Totals(long rows, BigDecimal revenue) {

    Totals plus(Totals other) {
      return new Totals(rows + other.rows, revenue.add(other.revenue));
    }
  }

  private final Map<Integer, Map<String, Totals>> bySlice = new TreeMap<>();
  private final int appendVersions;
  private final String deletedStatus;

  S06Expectations(int appendVersions, String deletedStatus) {
    this.appendVersions = appendVersions;
    this.deletedStatus = deletedStatus;
  }

  void add(int slice, String status, long rows, BigDecimal revenue) {
    bySlice.computeIfAbsent(slice, s -> new TreeMap<>()).merge(status, new Totals(rows, revenue), Totals::plus);
  }

  /** Versions are 1-based: 1..appendVersions appended one slice each, appendVersions + 1 deleted a status. */
  Map<String, Totals> byStatus(int version) {
    Map<String, Totals> answer = new TreeMap<>();
    int slices = Math.min(version, appendVersions);
    for (int s = 0; s < slices; s++) {
      bySlice.getOrDefault(s, Map.of()).forEach((status, t) -> answer.merge(status, t, Totals::plus));
    }
    if (version > appendVersions) {
      answer.remove(deletedStatus);
    }
    return answer;
  }

  Totals total(int version) {
    return byStatus(version).values().stream().reduce(new Totals(0, BigDecimal.ZERO), Totals::plus);
  }
}
