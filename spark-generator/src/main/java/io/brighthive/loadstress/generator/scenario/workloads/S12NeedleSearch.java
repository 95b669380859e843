package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.lake.OutputStats;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

/**
 * S12 Distributed needle search: looks up a set of trace markers (the planted needles plus decoy
 * markers that exist nowhere) across every table of the warehouse. Tables without text are pruned,
 * only the text columns are read, a cheap substring test drops almost every row, and a broadcast
 * Bloom filter of the wanted markers drops the rest before the exact check. Found locations are
 * scored against the planted needles; the screening rate is extrapolated to a trillion records on
 * the full-mode EMR capacity.
 */
public final class S12NeedleSearch implements Scenario {

  /** Full mode: 20 executors of 16 vCPU each (DESIGN.md section 3). */
  static final int FULL_MODE_VCPUS = 20 * 16;
  static final double TRILLION = 1e12;

  @Override
  public String id() {
    return "S12";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) throws InterruptedException {
    List<Row> planted = context.groundTruth("needles").select("table_name", "row_key", "column_name", "marker").collectAsList();
    List<String> wanted = new ArrayList<>(planted.stream().map(r -> r.getString(3)).toList());
    List<String> decoys = S12Markers.decoys(context.manifest().parameters().seed(), planted.size());
    wanted.addAll(decoys);
    S12Screen screen = new S12Screen(context.spark(), wanted);

    List<String> pruned = new ArrayList<>();
    Map<String, Observation> rowsByTable = new TreeMap<>();
    Dataset<Row> candidates = null;
    for (OutputStats stats : context.manifest().tables()) {
      Dataset<Row> table = context.table(stats.name());
      List<String> text = S15PiiScan.stringColumns(table.schema());
      if (text.isEmpty()) {
        pruned.add(stats.name());
        continue;
      }
      Observation rows = new Observation("rows_" + stats.name());
      rowsByTable.put(stats.name(), rows);
      Dataset<Row> found = screen.candidates(stats.name(), table, text, rows);
      candidates = candidates == null ? found : candidates.unionAll(found);
      outcome.addBytes(context.tableBytes(stats.name()));
    }
    long started = System.nanoTime();
    List<S12Screen.Hit> hits = screen.confirm(candidates);
    double seconds = (System.nanoTime() - started) / 1e9;
    outcome.latency(seconds * 1000);
    long screened = 0;
    Map<String, Long> screenedByTable = new TreeMap<>();
    for (Map.Entry<String, Observation> entry : rowsByTable.entrySet()) {
      long rows = ((Number) entry.getValue().getAsJava().get("rows")).longValue();
      screenedByTable.put(entry.getKey(), rows);
      screened += rows;
    }
    outcome.addRecords(screened);

    Set<String> plantedLocations = new HashSet<>();
    planted.forEach(r -> plantedLocations.add(r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3)));
    Set<String> decoySet = new HashSet<>(decoys);
    int found = 0;
    int falseMatches = 0;
    int decoysFound = 0;
    List<String> locations = new ArrayList<>();
    for (S12Screen.Hit hit : hits) {
      String location = hit.table() + "/" + hit.rowKey() + "/" + hit.column() + "/" + hit.marker();
      locations.add(location);
      if (plantedLocations.contains(location)) {
        found++;
      } else {
        falseMatches++;
        decoysFound += decoySet.contains(hit.marker()) ? 1 : 0;
      }
    }
    double rate = screened / seconds;
    int cores = context.spark().sparkContext().defaultParallelism();
    double fullModeRate = rate / cores * FULL_MODE_VCPUS;
    outcome.measured("needlesFound", planted.isEmpty() ? 0.0 : found / (double) planted.size())
        .measured("falseMatches", falseMatches)
        .measured("recordsPerSecond", rate);

    Map<String, Object> extrapolation = new LinkedHashMap<>();
    extrapolation.put("localCores", cores);
    extrapolation.put("recordsPerSecondPerCore", rate / cores);
    extrapolation.put("fullModeVcpus", FULL_MODE_VCPUS);
    extrapolation.put("fullModeRecordsPerSecond", fullModeRate);
    extrapolation.put("secondsFor1TrillionRecords", TRILLION / fullModeRate);
    extrapolation.put("hoursFor1TrillionRecords", TRILLION / fullModeRate / 3600);
    extrapolation.put("assumption", "Screening scales linearly with vCPUs (no shuffle: each task reads its own files), the local rate"
        + " per core holds per EMR vCPU, records keep the measured mix of tables and bytes per record, and S3 delivers the text"
        + " columns at that rate; full mode is 20 executors x 16 vCPU = 320 vCPU, as DESIGN.md section 3 sizes it");
    outcome.detail("plantedNeedles", planted.size())
        .detail("needlesLocated", found)
        .detail("decoyMarkersQueried", decoys.size())
        .detail("decoysFound", decoysFound)
        .detail("recordsScreened", screened)
        .detail("screenSeconds", seconds)
        .detail("tablesPruned", pruned)
        .detail("recordsByTable", screenedByTable)
        .detail("bloomFilter", screen.describe())
        .detail("locations", locations)
        .detail("extrapolation", extrapolation);
  }
}
