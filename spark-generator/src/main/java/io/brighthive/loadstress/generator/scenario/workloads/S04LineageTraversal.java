package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;

/**
 * S04 Lineage graph traversal: loads the lineage DAG from the lake into adjacency arrays, answers
 * the ground truth's probe nodes (direct parents and children, upstream and downstream closure
 * sizes, upstream source systems) and then random upstream, downstream and impact queries, each
 * timed. Correctness is the share of probes whose five answers all equal the generator's.
 */
public final class S04LineageTraversal implements Scenario {

  private static final List<String> KINDS = List.of("upstream", "downstream", "impact");

  @Override
  public String id() {
    return "S04";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    int queries = context.parameters().intValue("queries");
    long loadStart = System.nanoTime();
    S04LineageGraph graph = load(context, outcome);
    double loadMs = (System.nanoTime() - loadStart) / 1e6;

    List<Row> probes = context.groundTruth("lineage_facts").orderBy("node_id").collectAsList();
    outcome.addRecords(probes.size());
    int correct = 0;
    List<String> wrong = new ArrayList<>();
    int timed = 0;
    for (Row probe : probes) {
      int node = Math.toIntExact(probe.getLong(probe.fieldIndex("node_id")));
      long start = System.nanoTime();
      int[] answer = {graph.directParents(node), graph.directChildren(node), graph.upstream(node).cardinality(),
          graph.downstream(node).cardinality(), graph.upstreamSources(node)};
      outcome.latency((System.nanoTime() - start) / 1e6);
      timed++;
      int[] expected = {probe.getInt(probe.fieldIndex("direct_parents")), probe.getInt(probe.fieldIndex("direct_children")),
          probe.getInt(probe.fieldIndex("upstream_count")), probe.getInt(probe.fieldIndex("downstream_count")),
          probe.getInt(probe.fieldIndex("upstream_sources"))};
      if (java.util.Arrays.equals(answer, expected)) {
        correct++;
      } else if (wrong.size() < 10) {
        wrong.add("node " + node + ": got " + java.util.Arrays.toString(answer) + ", expected " + java.util.Arrays.toString(expected));
      }
    }

    SplittableRandom random = new SplittableRandom(context.manifest().parameters().seed() ^ 0x5304L);
    Map<String, Long> byKind = new LinkedHashMap<>();
    long closureNodes = 0;
    for (int q = timed; q < queries; q++) {
      String kind = KINDS.get(q % KINDS.size());
      int node = random.nextInt(graph.nodes());
      long start = System.nanoTime();
      BitSet answer = switch (kind) {
        case "upstream" -> graph.upstream(node);
        case "downstream" -> graph.downstream(node);
        default -> graph.impact(node);
      };
      outcome.latency((System.nanoTime() - start) / 1e6);
      closureNodes += answer.cardinality();
      byKind.merge(kind, 1L, Long::sum);
    }

    double correctness = probes.isEmpty() ? 0 : (double) correct / probes.size();
    outcome.measured("correctness", correctness)
        .detail("nodes", graph.nodes())
        .detail("graphLoadMs", Math.round(loadMs))
        .detail("probes", probes.size())
        .detail("probesCorrect", correct)
        .detail("wrongAnswers", wrong)
        .detail("randomQueriesByKind", byKind)
        .detail("closureNodesVisited", closureNodes);
  }

  private static S04LineageGraph load(ScenarioContext context, ScenarioOutcome outcome) {
    List<Row> nodes = context.table("lineage_nodes").select("node_id", "layer").collectAsList();
    List<Row> edges = context.table("lineage_edges").select("source_node_id", "target_node_id").collectAsList();
    int n = 0;
    for (Row row : nodes) {
      n = Math.max(n, Math.toIntExact(row.getLong(0)) + 1);
    }
    int[] layer = new int[n];
    for (Row row : nodes) {
      layer[(int) row.getLong(0)] = ((Number) row.get(1)).intValue();
    }
    int[] sources = new int[edges.size()];
    int[] targets = new int[edges.size()];
    for (int i = 0; i < edges.size(); i++) {
      sources[i] = Math.toIntExact(edges.get(i).getLong(0));
      targets[i] = Math.toIntExact(edges.get(i).getLong(1));
    }
    outcome.addRecords(nodes.size() + edges.size())
        .addBytes(context.tableBytes("lineage_nodes") + context.tableBytes("lineage_edges"));
    return S04LineageGraph.of(layer, sources, targets);
  }
}
