package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import io.brighthive.loadstress.generator.lake.OutputStats;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import io.brighthive.loadstress.generator.scenario.workloads.S07ColumnProfiles.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * S07 Join path discovery: profiles every column of every table (the lake's and two planted ones),
 * samples candidate reference columns, measures in one join how many sampled values each key
 * contains, infers the relationships ({@link S07KeyInference}), scores them against the planted
 * ones ({@link S07PlantedLinks}), then finds the shortest join path between every connected pair of
 * tables ({@link S07JoinPaths}) and runs it: a complete many-to-one path keeps every row it starts with.
 */
public final class S07JoinPathDiscovery implements Scenario {

  private static final String VIEW_PREFIX = "s07v_";
  private static final int MAX_TEXT_KEY_LENGTH = 64;

  @Override
  public String id() {
    return "S07";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    int sampleSize = context.parameters().intValue("sampleValues");
    Map<String, Dataset<Row>> tables = new TreeMap<>();
    for (OutputStats table : context.manifest().tables()) {
      tables.put(table.name(), context.table(table.name()));
      outcome.addBytes(context.tableBytes(table.name()));
    }
    S07PlantedLinks.Planted planted = S07PlantedLinks.plant(context, Set.copyOf(tables.keySet()));
    planted.tables().forEach((name, path) -> tables.put(name, context.spark().read().parquet(path.toString())));
    tables.forEach((name, data) -> data.createOrReplaceTempView(VIEW_PREFIX + name));

    List<Profile> profiles = new ArrayList<>();
    Map<String, Long> rows = new HashMap<>();
    tables.forEach((name, data) -> {
      List<Profile> p = S07ColumnProfiles.profile(name, data);
      profiles.addAll(p);
      rows.put(name, p.isEmpty() ? data.count() : p.get(0).rows());
      outcome.addRecords(rows.get(name));
    });
    List<S07Relationship> inferred = infer(context, tables, profiles, sampleSize, outcome);
    score(outcome, inferred, planted.truth());
    runPaths(context, outcome, inferred, planted.truth(), rows);
    outcome.detail("tables", tables.size())
        .detail("columnsProfiled", profiles.size())
        .detail("keyColumns", profiles.stream().filter(Profile::isKey).count())
        .detail("inferred", inferred.stream().map(S07Relationship::key).sorted().toList())
        .detail("decoyRejected", !inferred.contains(S07PlantedLinks.DECOY));
  }

  private static List<S07Relationship> infer(ScenarioContext context, Map<String, Dataset<Row>> tables, List<Profile> profiles,
      int sampleSize, ScenarioOutcome outcome) {
    List<Profile> keys = profiles.stream().filter(Profile::isKey).toList();
    Map<Profile, List<Profile>> candidates = new LinkedHashMap<>();
    for (Profile child : profiles) {
      for (Profile key : keys) {
        if (child.table().equals(key.table()) || child.numeric() != key.numeric()) {
          continue;
        }
        boolean named = S07KeyInference.nameEvidence(child.column(), key.table(), key.column()) != S07KeyInference.NameEvidence.NONE;
        if (named || valuesCouldFit(child, key)) {
          candidates.computeIfAbsent(child, c -> new ArrayList<>()).add(key);
        }
      }
    }
    List<Row> sampleRows = new ArrayList<>();
    List<Profile> children = new ArrayList<>(candidates.keySet());
    Map<Profile, Integer> sampled = new HashMap<>();
    for (int i = 0; i < children.size(); i++) {
      Profile child = children.get(i);
      List<String> values = S07ColumnProfiles.sample(tables.get(child.table()), child.column(), sampleSize);
      sampled.put(child, values.size());
      for (String v : values) {
        sampleRows.add(RowFactory.create(i, v));
      }
    }
    List<Profile> parents = candidates.values().stream().flatMap(List::stream).distinct().toList();
    Dataset<Row> keyValues = null;
    for (int j = 0; j < parents.size(); j++) {
      Profile key = parents.get(j);
      Dataset<Row> values = tables.get(key.table()).select(lit(j).as("key"), col(key.column()).cast(DataTypes.StringType).as("v"));
      keyValues = keyValues == null ? values : keyValues.unionAll(values);
      outcome.addRecords(key.rows());
    }
    Map<String, Long> contained = new HashMap<>();
    if (keyValues != null && !sampleRows.isEmpty()) {
      StructType schema = new StructType().add("child", DataTypes.IntegerType).add("v", DataTypes.StringType);
      Dataset<Row> samples = context.spark().createDataFrame(sampleRows, schema);
      for (Row r : keyValues.join(functions.broadcast(samples), "v").groupBy("child", "key").agg(countDistinct(col("v")))
          .collectAsList()) {
        contained.put(r.getInt(0) + "/" + r.getInt(1), r.getLong(2));
      }
    }
    List<S07Relationship> inferred = new ArrayList<>();
    int pairs = 0;
    for (int i = 0; i < children.size(); i++) {
      Profile child = children.get(i);
      for (Profile key : candidates.get(child)) {
        pairs++;
        var evidence = S07KeyInference.nameEvidence(child.column(), key.table(), key.column());
        long hits = contained.getOrDefault(i + "/" + parents.indexOf(key), 0L);
        if (S07KeyInference.accept(evidence, child.numeric(), sampled.get(child), (int) hits)) {
          inferred.add(new S07Relationship(child.table(), child.column(), key.table(), key.column()));
        }
      }
    }
    outcome.detail("candidatePairs", pairs).detail("sampledColumns", children.size());
    return inferred;
  }

  /** Text whose values could all be values of the key: enough of them, no more than the key has, and as long. */
  static boolean valuesCouldFit(Profile child, Profile key) {
    return !child.numeric() && child.maxLength() <= MAX_TEXT_KEY_LENGTH
        && child.distinct() >= S07KeyInference.MIN_SAMPLE_FOR_VALUES_ONLY && child.distinct() <= key.distinct()
        && child.minLength() >= key.minLength() && child.maxLength() <= key.maxLength();
  }

  private static void score(ScenarioOutcome outcome, List<S07Relationship> inferred, List<S07Relationship> truth) {
    Set<String> found = inferred.stream().map(S07Relationship::key).collect(Collectors.toSet());
    Set<String> real = truth.stream().map(S07Relationship::key).collect(Collectors.toSet());
    List<String> falsePositives = found.stream().filter(k -> !real.contains(k)).sorted().toList();
    List<String> falseNegatives = real.stream().filter(k -> !found.contains(k)).sorted().toList();
    long truePositives = found.size() - falsePositives.size();
    outcome.measured("precision", found.isEmpty() ? 0 : (double) truePositives / found.size())
        .measured("recall", real.isEmpty() ? 0 : (double) truePositives / real.size())
        .detail("planted", real.size())
        .detail("truePositives", truePositives)
        .detail("falsePositives", falsePositives)
        .detail("falseNegatives", falseNegatives);
  }

  /** Every pair joined in the planted schema: the inferred path must have the same length and keep every row. */
  private static void runPaths(ScenarioContext context, ScenarioOutcome outcome, List<S07Relationship> inferred,
      List<S07Relationship> truth, Map<String, Long> rows) {
    S07JoinPaths found = new S07JoinPaths(inferred);
    S07JoinPaths real = new S07JoinPaths(truth);
    List<List<String>> pairs = real.connectedPairs();
    int matched = 0;
    Map<String, String> paths = new LinkedHashMap<>();
    for (List<String> pair : pairs) {
      List<S07Relationship> expected = real.shortest(pair.get(0), pair.get(1)).orElseThrow();
      Optional<List<S07Relationship>> path = found.shortest(pair.get(0), pair.get(1));
      if (path.isEmpty() || path.get().size() != expected.size()) {
        paths.put(pair.get(0) + " -> " + pair.get(1), "not found");
        continue;
      }
      long start = System.nanoTime();
      long joined = context.spark().sql(S07JoinPaths.countSql(path.get(), VIEW_PREFIX)).first().getLong(0);
      outcome.latency((System.nanoTime() - start) / 1e6);
      path.get().forEach(r -> outcome.addRecords(rows.get(r.childTable())));
      outcome.addRecords(rows.get(pair.get(1)));
      boolean complete = joined == rows.get(pair.get(0));
      matched += complete ? 1 : 0;
      paths.put(pair.get(0) + " -> " + pair.get(1), path.get().stream().map(S07Relationship::key)
          .collect(Collectors.joining(" | ")) + (complete ? "" : " (drops rows: " + joined + " of " + rows.get(pair.get(0)) + ")"));
    }
    outcome.measured("pathRecall", pairs.isEmpty() ? 0 : (double) matched / pairs.size())
        .detail("joinPaths", paths);
  }
}
