package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S13SpikesTest {

  @Test
  void findsASpikeAndADropOnASeasonalSeries() {
    long[] series = new long[100];
    for (int i = 0; i < series.length; i++) {
      series[i] = Math.round(100 + 60 * Math.sin(2 * Math.PI * i / 50.0));
    }
    series[30] *= 4;
    series[70] /= 5;

    assertThat(S13Spikes.find(series, 7, 2.5)).containsExactly(30, 70);
  }

  @Test
  void aSmoothSeriesHasNoAnomaliesAndEmptyNeighbourhoodsAreSkipped() {
    long[] smooth = new long[60];
    for (int i = 0; i < smooth.length; i++) {
      smooth[i] = 50 + i;
    }
    assertThat(S13Spikes.find(smooth, 7, 2.5)).isEmpty();
    assertThat(S13Spikes.find(new long[] {0, 0, 9, 0, 0}, 1, 2.5)).doesNotContain(2).contains(1, 3);
    assertThat(S13Spikes.neighbourMedian(new long[] {1, 100, 3}, 1, 1)).isEqualTo(2.0);
  }
}
