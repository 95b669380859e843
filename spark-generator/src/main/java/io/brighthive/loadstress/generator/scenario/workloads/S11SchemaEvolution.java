package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * S11 Schema evolution detection: reads every schema version of the catalogued tables (about 50
 * source systems), diffs each version with the next ({@link S11SchemaDiff}) and scores the
 * detected changes against the planted ones ({@code ground_truth/schema_changes}), folded per step
 * into what a diff can observe ({@link S11NetChanges}).
 */
public final class S11SchemaEvolution implements Scenario {

  private static final int EXAMPLES = 5;

  @Override
  public String id() {
    return "S11";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    List<Row> columns = context.table("catalog_columns")
        .select("table_id", "version", "ordinal", "column_name", "data_type").collectAsList();
    List<Row> tables = context.table("catalog_tables").select("table_id", "source_system").collectAsList();
    outcome.addRecords(columns.size() + tables.size())
        .addBytes(context.tableBytes("catalog_columns") + context.tableBytes("catalog_tables"));

    Map<Integer, String> sourceOf = new LinkedHashMap<>();
    tables.forEach(r -> sourceOf.put(r.getInt(0), r.getString(1)));
    Map<Integer, TreeMap<Integer, TreeMap<Integer, S11SchemaDiff.Column>>> versions = new TreeMap<>();
    for (Row r : columns) {
      versions.computeIfAbsent(r.getInt(0), t -> new TreeMap<>()).computeIfAbsent(r.getInt(1), v -> new TreeMap<>())
          .put(r.getInt(2), new S11SchemaDiff.Column(r.getString(3), r.getString(4)));
    }
    Map<String, List<Integer>> tablesBySource = new TreeMap<>();
    versions.keySet().forEach(t -> tablesBySource.computeIfAbsent(sourceOf.getOrDefault(t, "unknown"), s -> new ArrayList<>()).add(t));

    List<S11SchemaChange> detected = new ArrayList<>();
    int steps = 0;
    for (List<Integer> sourceTables : tablesBySource.values()) {
      long start = System.nanoTime();
      for (int table : sourceTables) {
        TreeMap<Integer, TreeMap<Integer, S11SchemaDiff.Column>> history = versions.get(table);
        for (int v : history.keySet()) {
          if (history.containsKey(v + 1)) {
            detected.addAll(S11SchemaDiff.diff(table, v, List.copyOf(history.get(v).values()),
                List.copyOf(history.get(v + 1).values())));
            steps++;
          }
        }
      }
      outcome.latency((System.nanoTime() - start) / 1e6);
    }

    List<S11SchemaChange> planted = plantedNet(context, outcome);
    score(outcome, detected, planted);
    outcome.detail("sources", tablesBySource.size())
        .detail("tables", versions.size())
        .detail("versionSteps", steps)
        .detail("detectedByKind", countByKind(detected))
        .detail("plantedByKind", countByKind(planted));
  }

  /** The planted changes, folded per table and step in the order they were planted (the file's row order). */
  private static List<S11SchemaChange> plantedNet(ScenarioContext context, ScenarioOutcome outcome) {
    List<Row> rows = context.groundTruth("schema_changes").withColumn("seq", monotonically_increasing_id())
        .orderBy(col("table_id"), col("from_version"), col("seq"))
        .select("table_id", "from_version", "change_type", "column_name", "new_column_name", "old_type", "new_type")
        .collectAsList();
    Map<String, List<S11SchemaChange>> bySteps = new LinkedHashMap<>();
    for (Row r : rows) {
      S11SchemaChange change = new S11SchemaChange(r.getInt(0), r.getInt(1), r.getString(2), r.getString(3),
          r.getString(4), r.getString(5), r.getString(6));
      bySteps.computeIfAbsent(change.tableId() + "/" + change.fromVersion(), k -> new ArrayList<>()).add(change);
    }
    List<S11SchemaChange> net = new ArrayList<>();
    bySteps.values().forEach(step -> net.addAll(S11NetChanges.of(step)));
    outcome.addRecords(rows.size()).detail("plantedChanges", rows.size()).detail("plantedObservableChanges", net.size());
    return net;
  }

  static void score(ScenarioOutcome outcome, List<S11SchemaChange> detected, List<S11SchemaChange> planted) {
    Set<String> found = keys(detected);
    Set<String> truth = keys(planted);
    List<String> falsePositives = found.stream().filter(k -> !truth.contains(k)).sorted().toList();
    List<String> falseNegatives = truth.stream().filter(k -> !found.contains(k)).sorted().toList();
    long truePositives = found.size() - falsePositives.size();
    outcome.measured("precision", found.isEmpty() ? 0 : (double) truePositives / found.size())
        .measured("recall", truth.isEmpty() ? 0 : (double) truePositives / truth.size())
        .detail("detectedChanges", found.size())
        .detail("truePositives", truePositives)
        .detail("falsePositives", falsePositives.size())
        .detail("falseNegatives", falseNegatives.size())
        .detail("falsePositiveExamples", falsePositives.subList(0, Math.min(EXAMPLES, falsePositives.size())))
        .detail("falseNegativeExamples", falseNegatives.subList(0, Math.min(EXAMPLES, falseNegatives.size())));
  }

  private static Set<String> keys(List<S11SchemaChange> changes) {
    Set<String> keys = new HashSet<>();
    changes.forEach(c -> keys.add(c.key()));
    return keys;
  }

  private static Map<String, Integer> countByKind(List<S11SchemaChange> changes) {
    Map<String, Integer> counts = new TreeMap<>();
    changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
    return counts;
  }
}
