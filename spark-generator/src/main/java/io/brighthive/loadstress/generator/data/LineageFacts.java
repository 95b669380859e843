package io.brighthive.loadstress.generator.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ground truth for lineage traversal: for a few probe nodes per layer, the exact sizes of their
 * upstream and downstream closures, computed on the driver from the generated edges.
 */
final class LineageFacts {

  private static final int PROBES_PER_LAYER = 5;

  private LineageFacts() {}

  static Dataset<Row> probe(GenerationContext context, Dataset<Row> edges) {
    int nodes = Math.toIntExact(context.sizes().lineageNodes());
    List<Row> collected = edges.select("source_node_id", "target_node_id").collectAsList();
    int[][] parents = adjacency(nodes, collected, 1, 0);
    int[][] children = adjacency(nodes, collected, 0, 1);
    long[] starts = LineageGenerator.layerStarts(nodes);
    StructType schema = new StructType()
        .add("node_id", DataTypes.LongType, false)
        .add("layer", DataTypes.IntegerType, false)
        .add("direct_parents", DataTypes.IntegerType, false)
        .add("direct_children", DataTypes.IntegerType, false)
        .add("upstream_count", DataTypes.IntegerType, false)
        .add("downstream_count", DataTypes.IntegerType, false)
        .add("upstream_sources", DataTypes.IntegerType, false);
    List<Row> rows = new ArrayList<>();
    for (int layer = 0; layer + 1 < starts.length; layer++) {
      long size = starts[layer + 1] - starts[layer];
      for (int p = 0; p < PROBES_PER_LAYER; p++) {
        int node = (int) (starts[layer] + (size * p + size / 2) / PROBES_PER_LAYER);
        BitSet upstream = reachable(node, parents);
        BitSet downstream = reachable(node, children);
        rows.add(RowFactory.create((long) node, layer, parents[node].length, children[node].length,
            upstream.cardinality(), downstream.cardinality(),
            upstream.get(0, (int) starts[1]).cardinality()));
      }
    }
    return context.fromDriver(rows, schema);
  }

  private static int[][] adjacency(int nodes, List<Row> edges, int from, int to) {
    int[] degree = new int[nodes];
    for (Row edge : edges) {
      degree[(int) edge.getLong(from)]++;
    }
    int[][] adjacency = new int[nodes][];
    for (int n = 0; n < nodes; n++) {
      adjacency[n] = new int[degree[n]];
      degree[n] = 0;
    }
    for (Row edge : edges) {
      int a = (int) edge.getLong(from);
      adjacency[a][degree[a]++] = (int) edge.getLong(to);
    }
    return adjacency;
  }

  /** Nodes reachable from {@code start} (excluding itself). */
  private static BitSet reachable(int start, int[][] adjacency) {
    BitSet seen = new BitSet(adjacency.length);
    Deque<Integer> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      for (int next : adjacency[queue.poll()]) {
        if (!seen.get(next)) {
          seen.set(next);
          queue.add(next);
        }
      }
    }
    return seen;
  }
}
