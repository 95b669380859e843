package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Robust spike detection on a regular series (counts per day or per hour): a point is anomalous when
 * it is at least {@code ratio} times the median of its neighbours within {@code window} on either
 * side, or at most 1/{@code ratio} of it. The median ignores the point itself and survives seasonality.
 */
final class S13Spikes {

  private S13Spikes() {}

  static List<Integer> find(long[] series, int window, double ratio) {
    List<Integer> anomalies = new ArrayList<>();
    for (int i = 0; i < series.length; i++) {
      double median = neighbourMedian(series, i, window);
      if (median <= 0) {
        continue;
      }
      double r = series[i] / median;
      if (r >= ratio || r <= 1.0 / ratio) {
        anomalies.add(i);
      }
    }
    return anomalies;
  }

  static double neighbourMedian(long[] series, int index, int window) {
    int from = Math.max(0, index - window);
    int to = Math.min(series.length - 1, index + window);
    long[] values = new long[to - from];
    int n = 0;
    for (int j = from; j <= to; j++) {
      if (j != index) {
        values[n++] = series[j];
      }
    }
    if (n == 0) {
      return 0;
    }
    Arrays.sort(values, 0, n);
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  }
}
