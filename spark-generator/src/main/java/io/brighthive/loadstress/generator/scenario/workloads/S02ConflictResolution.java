package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * S02 Multi-source conflict resolution: lines up each entity's CRM, ERP and legacy rows field by
 * field (dates in the three source formats normalised first, so a format is not a conflict), flags
 * every field whose sources disagree, resolves it by per-field authority then source priority,
 * keeps the provenance in golden records written to scratch, and scores the detections against the
 * planted conflicts. The flag columns {@code has_conflict} and {@code conflict_type} are never read.
 */
public final class S02ConflictResolution implements Scenario {

  static final List<String> SOURCES = List.of("CRM", "ERP", "LEGACY");

  @Override
  public String id() {
    return "S02";
  }

  /** The compared fields, each as a string so that values of every type compare alike. */
  static Map<String, Column> fields() {
    Map<String, Column> fields = new LinkedHashMap<>();
    for (String name : List.of("first_name", "last_name", "email", "phone")) {
      fields.put(name, col(name));
    }
    fields.put("annual_revenue", col("annual_revenue").cast("string"));
    fields.put("employee_count", col("employee_count").cast("string"));
    fields.put("created_date", col("created_date").cast("string"));
    Column text = col("created_date_str");
    fields.put("created_date_str", when(text.rlike("^\\d{4}-\\d{2}-\\d{2}$"), to_date(text, "yyyy-MM-dd"))
        .when(text.rlike("^\\d{2}/\\d{2}/\\d{4}$"), to_date(text, "MM/dd/yyyy"))
        .when(text.rlike("^\\d{2}-[A-Za-z]{3}-\\d{4}$"), to_date(text, "dd-MMM-yyyy")).cast("string"));
    return fields;
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    try (SizedShuffle shuffle = SizedShuffle.forBytes(context.spark(), context.tableBytes("multi_source_entities"))) {
      resolve(context, outcome);
    }
  }

  private void resolve(ScenarioContext context, ScenarioOutcome outcome) {
    S02ResolutionPolicy policy = S02ResolutionPolicy.parse(context.parameters().text("sourcePriority"),
        context.parameters().text("fieldAuthority"), SOURCES);
    Map<String, Column> fields = fields();
    Dataset<Row> rows = context.table("multi_source_entities");
    long sourceRows = rows.count();
    outcome.addRecords(sourceRows).addBytes(context.tableBytes("multi_source_entities"));

    List<Column> pivot = new ArrayList<>();
    for (var field : fields.entrySet()) {
      for (String source : SOURCES) {
        pivot.add(first(when(col("source").equalTo(source), field.getValue()), true).as(field.getKey() + "__" + source));
      }
    }
    Dataset<Row> wide = rows.groupBy("entity_id").agg(pivot.get(0), pivot.subList(1, pivot.size()).toArray(Column[]::new))
        .persist(StorageLevel.MEMORY_AND_DISK());
    StringBuilder stack = new StringBuilder("stack(" + fields.size());
    for (String field : fields.keySet()) {
      stack.append(", '").append(field).append("'");
      SOURCES.forEach(s -> stack.append(", `").append(field).append("__").append(s).append('`'));
    }
    stack.append(") AS (field, crm_value, erp_value, legacy_value)");
    // Two sources with values that differ; plain comparisons, which Spark compiles (a lambda over an array is interpreted).
    Column disagree = differ("crm_value", "erp_value").or(differ("crm_value", "legacy_value")).or(differ("erp_value", "legacy_value"));
    Dataset<Row> detected = wide.select(col("entity_id"), expr(stack.toString()))
        .where(disagree)
        .withColumn("resolved_value", resolved(policy, fields.keySet(), "%s_value"))
        .withColumn("winning_source", winner(policy, fields.keySet(), "%s_value"))
        .persist(StorageLevel.MEMORY_AND_DISK());

    long phase = System.nanoTime();
    long entities = writeGoldenRecords(context, policy, fields.keySet(), wide, detected);
    long goldenMs = (System.nanoTime() - phase) / 1_000_000;
    phase = System.nanoTime();
    Dataset<Row> truth = context.groundTruth("conflicts");
    Row score = score(policy, fields.keySet(), detected, truth);
    long scoringMs = (System.nanoTime() - phase) / 1_000_000;
    long truthRows = score.getLong(score.fieldIndex("planted"));
    outcome.addRecords(truthRows);
    long tp = score.getLong(score.fieldIndex("tp"));
    long fp = score.getLong(score.fieldIndex("fp"));
    long fn = score.getLong(score.fieldIndex("fn"));
    long right = score.getLong(score.fieldIndex("resolved_right"));
    outcome.measured("precision", tp + fp == 0 ? 0 : (double) tp / (tp + fp))
        .measured("recall", tp + fn == 0 ? 0 : (double) tp / (tp + fn))
        .measured("resolutionAccuracy", tp == 0 ? 0 : (double) right / tp)
        .detail("detectAndGoldenRecordsMs", goldenMs)
        .detail("scoringMs", scoringMs)
        .detail("entities", entities)
        .detail("sourceRows", sourceRows)
        .detail("fieldsCompared", List.copyOf(fields.keySet()))
        .detail("planted", truthRows)
        .detail("detected", tp + fp)
        .detail("truePositives", tp)
        .detail("falsePositives", fp)
        .detail("falseNegatives", fn)
        .detail("resolvedAsExpected", right)
        .detail("equalToGroundTruthResolvedValue", score.getLong(score.fieldIndex("gt_resolved_equal")))
        .detail("authorities", policy.authorities())
        .detail("detectedByField", counts(detected.groupBy("field").count().collectAsList()))
        .detail("winsBySource", counts(detected.groupBy("winning_source").count().collectAsList()))
        .detail("examples", detected.orderBy("entity_id", "field").limit(3).collectAsList().stream()
            .map(r -> Map.of("entity", r.getString(0), "field", r.getString(1), "values",
                r.getString(2) + " | " + r.getString(3) + " | " + r.getString(4), "resolved", r.getString(5), "source", r.getString(6)))
            .toList());
    detected.unpersist();
    wide.unpersist();
  }

  /** The value of the first source in the field's order that has one; columns named by {@code pattern} with the lower-case source. */
  static Column resolved(S02ResolutionPolicy policy, Iterable<String> fields, String pattern) {
    Column result = lit(null).cast("string");
    for (String field : fields) {
      Column[] ordered = policy.order(field).stream().map(s -> col(String.format(pattern, s.toLowerCase()))).toArray(Column[]::new);
      result = when(col("field").equalTo(field), coalesce(ordered)).otherwise(result);
    }
    return result;
  }

  static Column winner(S02ResolutionPolicy policy, Iterable<String> fields, String pattern) {
    Column result = lit(null).cast("string");
    for (String field : fields) {
      Column choice = lit(null).cast("string");
      List<String> order = policy.order(field);
      for (int i = order.size() - 1; i >= 0; i--) {
        choice = when(col(String.format(pattern, order.get(i).toLowerCase())).isNotNull(), lit(order.get(i))).otherwise(choice);
      }
      result = when(col("field").equalTo(field), choice).otherwise(result);
    }
    return result;
  }

  /** One golden record per entity: every field resolved, plus the provenance of each conflicting one. */
  private static long writeGoldenRecords(ScenarioContext context, S02ResolutionPolicy policy, Iterable<String> fields,
      Dataset<Row> wide, Dataset<Row> detected) {
    List<Column> columns = new ArrayList<>(List.of(col("w.entity_id")));
    for (String field : fields) {
      Column[] ordered = policy.order(field).stream().map(s -> col("w.`" + field + "__" + s + "`")).toArray(Column[]::new);
      columns.add(coalesce(ordered).as(field));
    }
    columns.add(col("p.provenance"));
    Dataset<Row> provenance = detected.groupBy("entity_id").agg(collect_list(struct(col("field"), col("winning_source"),
        col("resolved_value"), col("crm_value"), col("erp_value"), col("legacy_value"))).as("provenance"));
    Dataset<Row> golden = wide.as("w").join(provenance.as("p"), col("w.entity_id").equalTo(col("p.entity_id")), "left")
        .select(columns.toArray(Column[]::new));
    String target = new org.apache.hadoop.fs.Path(context.scratch(), "golden_records").toString();
    golden.write().parquet(target);
    return context.spark().read().parquet(target).count();
  }

  private static Row score(S02ResolutionPolicy policy, Iterable<String> fields, Dataset<Row> detected, Dataset<Row> truth) {
    Dataset<Row> found = detected.select(col("entity_id"), col("field"), col("resolved_value").as("found_value"), lit(true).as("found"));
    Dataset<Row> planted = truth.select(col("entity_id"), col("field"), col("crm_value"), col("erp_value"), col("legacy_value"),
        col("resolved_value").as("gt_resolved"), lit(true).as("planted"));
    planted = planted.withColumn("expected", resolved(policy, fields, "%s_value"));
    Column both = col("found").isNotNull().and(col("planted").isNotNull());
    return found.join(planted, scala.collection.JavaConverters.asScalaBuffer(List.of("entity_id", "field")).toSeq(), "full_outer")
        .agg(count(col("planted")).as("planted"),
            tally(both).as("tp"),
            tally(col("planted").isNull()).as("fp"),
            tally(col("found").isNull()).as("fn"),
            tally(both.and(col("found_value").eqNullSafe(col("expected")))).as("resolved_right"),
            tally(both.and(col("found_value").eqNullSafe(col("gt_resolved")))).as("gt_resolved_equal"))
        .first();
  }

  private static Column differ(String a, String b) {
    return col(a).isNotNull().and(col(b).isNotNull()).and(col(a).notEqual(col(b)));
  }

  private static Column tally(Column condition) {
    return coalesce(sum(when(condition, 1L).otherwise(0L)), lit(0L));
  }

  private static Map<String, Long> counts(List<Row> rows) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    rows.forEach(r -> counts.put(String.valueOf(r.get(0)), r.getLong(1)));
    return counts;
  }
}
