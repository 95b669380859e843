package io.brighthive.loadstress.generator.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerationContextTest {

  private static int partitions(long rows, long rowsPerTask, int parallelism) {
    return new GenerationContext(null, Sizes.forRecords(1), new HashRandom(1), 0.1, rowsPerTask, parallelism)
        .partitionsFor(rows);
  }

  @Test
  void smallOutputsGetOneTask() {
    assertThat(partitions(10_000, 4_000_000, 2)).isEqualTo(1);
  }

  @Test
  void largeOutputsGetWholeWavesOfBoundedTasks() {
    assertThat(partitions(1_000_000, 4_000_000, 2)).isEqualTo(2);
    assertThat(partitions(50_000_000, 4_000_000, 2)).isEqualTo(14);
    assertThat(partitions(1_000_000_000, 4_000_000, 64)).isEqualTo(256);
  }

  @Test
  void dimensionsStayDimensionSized() {
    Sizes small = Sizes.forRecords(20_000);
    assertThat(small.customers()).isEqualTo(1_000);
    assertThat(small.products()).isEqualTo(200);
    assertThat(small.entities()).isEqualTo(2_000);
    Sizes huge = Sizes.forRecords(1_000_000_000);
    assertThat(huge.customers()).isEqualTo(1_000_000);
    assertThat(huge.products()).isEqualTo(10_000);
    assertThat(huge.entities()).isEqualTo(10_000_000);
  }
}
