package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * The lineage DAG in compressed adjacency arrays (both directions), with the traversals that S04
 * times: direct parents and children, the upstream and downstream closures, and the impact of a
 * change (the consumers at the last layer that a node feeds, transitively). Node ids are 0..n-1.
 */
final class S04LineageGraph {

  private final int[] layer;
  private final int[] parentStart;
  private final int[] parents;
  private final int[] childStart;
  private final int[] children;
  private final int lastLayer;

  private S04LineageGraph(int[] layer, int[] parentStart, int[] parents, int[] childStart, int[] children) {
    this.layer = layer;
    this.parentStart = parentStart;
    this.parents = parents;
    this.childStart = childStart;
    this.children = children;
    int last = 0;
    for (int l : layer) {
      last = Math.max(last, l);
    }
    this.lastLayer = last;
  }

  /** Builds the graph from parallel edge arrays (upstream source, downstream target) and each node's layer. */
  static S04LineageGraph of(int[] layer, int[] sources, int[] targets) {
    if (sources.length != targets.length) {
      throw new IllegalArgumentException("edge arrays differ in length");
    }
    int n = layer.length;
    int[] parentStart = new int[n + 1];
    int[] childStart = new int[n + 1];
    for (int e = 0; e < sources.length; e++) {
      check(sources[e], n);
      check(targets[e], n);
      parentStart[targets[e] + 1]++;
      childStart[sources[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      parentStart[i + 1] += parentStart[i];
      childStart[i + 1] += childStart[i];
    }
    int[] parents = new int[sources.length];
    int[] children = new int[sources.length];
    int[] parentFill = parentStart.clone();
    int[] childFill = childStart.clone();
    for (int e = 0; e < sources.length; e++) {
      parents[parentFill[targets[e]]++] = sources[e];
      children[childFill[sources[e]]++] = targets[e];
    }
    return new S04LineageGraph(layer.clone(), parentStart, parents, childStart, children);
  }

  private static void check(int node, int n) {
    if (node < 0 || node >= n) {
      throw new IllegalArgumentException("edge refers to node " + node + " outside 0.." + (n - 1));
    }
  }

  int nodes() {
    return layer.length;
  }

  int layer(int node) {
    return layer[node];
  }

  int directParents(int node) {
    return parentStart[node + 1] - parentStart[node];
  }

  int directChildren(int node) {
    return childStart[node + 1] - childStart[node];
  }

  /** Every node that the given one reads from, transitively (itself excluded). */
  BitSet upstream(int node) {
    return reach(node, parentStart, parents);
  }

  /** Every node that reads from the given one, transitively (itself excluded). */
  BitSet downstream(int node) {
    return reach(node, childStart, children);
  }

  /** Upstream nodes at layer 0: the source systems that feed this node. */
  int upstreamSources(int node) {
    BitSet up = upstream(node);
    int count = 0;
    for (int n = up.nextSetBit(0); n >= 0; n = up.nextSetBit(n + 1)) {
      if (layer[n] == 0) {
        count++;
      }
    }
    return count;
  }

  /** Downstream nodes in the last layer (dashboards, models, reports): what a change to this node breaks. */
  BitSet impact(int node) {
    BitSet down = downstream(node);
    BitSet affected = new BitSet(layer.length);
    for (int n = down.nextSetBit(0); n >= 0; n = down.nextSetBit(n + 1)) {
      if (layer[n] == lastLayer) {
        affected.set(n);
      }
    }
    return affected;
  }

  private BitSet reach(int start, int[] offsets, int[] adjacent) {
    BitSet seen = new BitSet(layer.length);
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int i = offsets[node]; i < offsets[node + 1]; i++) {
        int next = adjacent[i];
        if (!seen.get(next)) {
          seen.set(next);
          queue.add(next);
        }
      }
    }
    return seen;
  }
}
