package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S04LineageGraphTest {

  // Layers: 0 = {0, 1}, 1 = {2, 3}, 2 = {4, 5}. Edges 0->2, 1->2, 1->3, 2->4, 3->4, 3->5.
  private final S04LineageGraph graph = S04LineageGraph.of(new int[] {0, 0, 1, 1, 2, 2},
      new int[] {0, 1, 1, 2, 3, 3}, new int[] {2, 2, 3, 4, 4, 5});

  @Test
  void directNeighbours() {
    assertThat(graph.directParents(2)).isEqualTo(2);
    assertThat(graph.directParents(0)).isZero();
    assertThat(graph.directChildren(1)).isEqualTo(2);
    assertThat(graph.directChildren(5)).isZero();
  }

  @Test
  void closuresExcludeTheNodeItself() {
    assertThat(graph.upstream(4).stream().toArray()).containsExactly(0, 1, 2, 3);
    assertThat(graph.upstream(5).stream().toArray()).containsExactly(1, 3);
    assertThat(graph.downstream(1).stream().toArray()).containsExactly(2, 3, 4, 5);
    assertThat(graph.downstream(0).stream().toArray()).containsExactly(2, 4);
    assertThat(graph.upstreamSources(4)).isEqualTo(2);
    assertThat(graph.upstreamSources(5)).isEqualTo(1);
  }

  @Test
  void impactIsTheLastLayerDownstream() {
    assertThat(graph.impact(0).stream().toArray()).containsExactly(4);
    assertThat(graph.impact(3).stream().toArray()).containsExactly(4, 5);
    assertThat(graph.impact(4).isEmpty()).isTrue();
  }

  @Test
  void rejectsEdgesToUnknownNodes() {
    assertThatThrownBy(() -> S04LineageGraph.of(new int[] {0, 1}, new int[] {0}, new int[] {2}))
        .hasMessageContaining("node 2");
  }
}
