package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Flagged tables against the planted zombies (id to kind): counts, precision, recall, recall per kind. */
record S16Score(int truePositives, int falsePositives, int falseNegatives, Map<String, Double> recallByKind) {

  static S16Score of(Set<Integer> flagged, Map<Integer, String> planted) {
    int tp = (int) flagged.stream().filter(planted::containsKey).count();
    Map<String, int[]> perKind = new TreeMap<>();
    planted.forEach((id, kind) -> {
      int[] counts = perKind.computeIfAbsent(kind, k -> new int[2]);
      counts[1]++;
      if (flagged.contains(id)) {
        counts[0]++;
      }
    });
    Map<String, Double> recallByKind = new TreeMap<>();
    perKind.forEach((kind, c) -> recallByKind.put(kind, c[0] / (double) c[1]));
    return new S16Score(tp, flagged.size() - tp, planted.size() - tp, recallByKind);
  }

  /** 1 when nothing was flagged and nothing was planted; 0 when only one side is empty. */
  double precision() {
    int flagged = truePositives + falsePositives;
    return flagged == 0 ? (falseNegatives == 0 ? 1.0 : 0.0) : truePositives / (double) flagged;
  }

  double recall() {
    int planted = truePositives + falseNegatives;
    return planted == 0 ? (falsePositives == 0 ? 1.0 : 0.0) : truePositives / (double) planted;
  }
}
