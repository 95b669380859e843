package io.brighthive.loadstress.generator.scenario;

import java.util.List;

/** Nearest-rank percentiles, the definition most load tools report. */
public final class Percentiles {

  private Percentiles() {}

  /** The p-th percentile (0 < p <= 100) of the values; NaN for none. */
  public static double of(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
