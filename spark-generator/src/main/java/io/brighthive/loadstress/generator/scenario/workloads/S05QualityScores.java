package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.data.TimeWindow;
import io.brighthive.loadstress.generator.lake.OutputStats;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import io.brighthive.loadstress.generator.scenario.warehouse.Warehouse;
import io.brighthive.loadstress.generator.scenario.workloads.S05TableScorer.TableScore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * S05 Quality score computation: plants defects of known kinds into copies of the tables' rows
 * (seeded from the lake's seed), then scores completeness, uniqueness, validity, freshness and
 * referential integrity for every table and column against declared rules, and compares what it
 * found with what was planted: every planted defect found, nothing else reported. The scoring is
 * one SQL statement per table through the warehouse (DuckDB over a local lake, Spark SQL
 * elsewhere), reading the planted rows from scratch. Throughput is measured over the scoring alone,
 * not the planting.
 */
public final class S05QualityScores implements Scenario {

  @Override
  public String id() {
    return "S05";
  }

  /**
   * Scores the tables, one statement each. Spark SQL runs them on a few threads, so a small
   * table's planning and scheduling overlap a large table's scan; DuckDB runs one at a time, each
   * on every core.
   */
  private static List<TableScore> scoreTables(Warehouse warehouse, Map<String, String> sources, Map<String, List<String>> columns,
      Map<String, S05QualityRules> rules, double freshnessDays, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool("duckdb".equals(warehouse.engine()) ? 1 : threads);
    try {
      List<Future<TableScore>> futures = new ArrayList<>();
      for (var entry : sources.entrySet()) {
        futures.add(pool.submit(() -> S05TableScorer.score(warehouse, entry.getValue(), columns.get(entry.getKey()),
            rules.get(entry.getKey()), sources::get, TimeWindow.AS_OF, freshnessDays)));
      }
      List<TableScore> scores = new ArrayList<>();
      for (Future<TableScore> future : futures) {
        scores.add(future.get());
      }
      return scores;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scoring failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** CPU time of this JVM (in local mode: driver and executors); the figure to compare runs on a shared machine. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    long bytes = context.manifest().tables().stream().mapToLong(OutputStats::bytes).max().orElse(0);
    try (SizedShuffle shuffle = SizedShuffle.forBytes(context.spark(), bytes)) {
      score(context, outcome);
    }
  }

  private void score(ScenarioContext context, ScenarioOutcome outcome) {
    int perKind = context.parameters().intValue("defectsPerKind");
    double freshnessDays = context.parameters().number("freshnessDays");
    Map<String, S05QualityRules> rules = new LinkedHashMap<>();
    Map<String, Dataset<Row>> originals = new LinkedHashMap<>();
    List<String> present = context.manifest().tables().stream().map(OutputStats::name).toList();
    for (S05QualityRules rule : S05QualityRules.STANDARD) {
      if (present.contains(rule.table())) {
        rules.put(rule.table(), rule);
        originals.put(rule.table(), context.table(rule.table()));
      }
    }
    long setupStart = System.nanoTime();
    S05DefectPlanter.Planted planted = S05DefectPlanter.plant(context.spark(), originals, rules, context.scratch(),
        context.manifest().parameters().seed(), perKind);
    Map<String, List<String>> columns = new LinkedHashMap<>();
    originals.forEach((name, table) -> columns.put(name, List.of(table.columns())));
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

    // Opening the warehouse is part of the scoring: on Spark SQL it reads every table's footers.
    long scoringStart = System.nanoTime();
    long cpuStart = processCpuNanos();
    Warehouse warehouse = context.warehouse();
    planted.files().forEach((name, folder) -> warehouse.view(S05DefectPlanter.Planted.view(name), new Path(folder)));
    Map<String, String> sources = new LinkedHashMap<>();
    rules.forEach((name, rule) -> sources.put(name, rule.key().isEmpty() ? name : planted.source(name, rule.key().get(0))));
    List<TableScore> scores = scoreTables(warehouse, sources, columns, rules, freshnessDays,
        context.parameters().intValue("concurrency"));
    long records = 0;
    for (TableScore score : scores) {
      records += score.rows();
      outcome.addBytes(context.tableBytes(score.table()));
    }
    double scoringSeconds = (System.nanoTime() - scoringStart) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    outcome.addRecords(records);

    Map<String, Long> expected = new TreeMap<>();
    planted.defects().forEach(d -> expected.merge(d.key(), d.rows(), Long::sum));
    Map<String, Long> found = new TreeMap<>();
    scores.forEach(s -> s.findings().forEach(f -> found.merge(f.key(), f.rows(), Long::sum)));
    long matched = 0;
    long plantedRows = 0;
    long foundRows = 0;
    List<String> missed = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    for (var plant : expected.entrySet()) {
      long hit = Math.min(plant.getValue(), found.getOrDefault(plant.getKey(), 0L));
      matched += hit;
      plantedRows += plant.getValue();
      if (hit < plant.getValue()) {
        missed.add(plant.getKey() + " planted " + plant.getValue() + ", found " + hit);
      }
    }
    for (var finding : found.entrySet()) {
      foundRows += finding.getValue();
      long extra = finding.getValue() - expected.getOrDefault(finding.getKey(), 0L);
      if (extra > 0) {
        unexpected.add(finding.getKey() + " " + extra + " more than planted");
      }
    }
    Map<String, Object> tableScores = new LinkedHashMap<>();
    Map<String, Object> columnScores = new LinkedHashMap<>();
    for (TableScore s : scores) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("rows", s.rows());
      t.put("score", S05TableScorer.round(s.overall()));
      t.put("completeness", s.completeness());
      t.put("uniqueness", s.uniqueness());
      t.put("validity", s.validity());
      t.put("referentialIntegrity", s.referentialIntegrity());
      t.put("freshness", s.freshness());
      t.put("newestAgeDays", s.freshnessAgeDays());
      t.put("scoringMs", s.millis());
      tableScores.put(s.table(), t);
      s.columns().forEach((column, c) -> columnScores.put(s.table() + "." + column, c));
    }
    outcome.measured("recordsPerSecond", scoringSeconds > 0 ? records / scoringSeconds : 0)
        .measured("defectRecall", plantedRows == 0 ? 0 : (double) matched / plantedRows)
        .measured("defectPrecision", foundRows == 0 ? 0 : (double) matched / foundRows)
        .detail("tables", scores.size())
        .detail("columns", columnScores.size())
        .detail("statements", scores.size())
        .detail("setupSeconds", S05TableScorer.round(setupSeconds))
        .detail("scoringSeconds", S05TableScorer.round(scoringSeconds))
        .detail("processCpuSeconds", S05TableScorer.round(cpuSeconds))
        .detail("recordsPerProcessCpuSecond", cpuSeconds > 0 ? Math.round(records / cpuSeconds) : 0)
        .detail("plantedRows", planted.rows())
        .detail("planted", expected)
        .detail("found", found)
        .detail("missed", missed)
        .detail("unexpected", unexpected)
        .detail("tableScores", tableScores)
        .detail("columnScores", columnScores);
  }
}
