package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class S09BatchLogTest {

  @Test
  void theSustainedRateLeavesOutTheFirstBatchAndItsStartUp() {
    TreeMap<Long, long[]> batches = new TreeMap<>();
    batches.put(0L, new long[] {10_000, 50_000});
    batches.put(1L, new long[] {11_000, 9_000});
    batches.put(2L, new long[] {12_000, 11_000});

    assertThat(S09BatchLog.sustainedRate(batches)).isEqualTo(10_000.0);
    assertThat(S09BatchLog.sustainedRate(new TreeMap<>(java.util.Map.of(0L, new long[] {1, 5})))).isZero();
  }
}
