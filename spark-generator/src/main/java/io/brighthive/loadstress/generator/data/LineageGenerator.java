package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.pick;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A layered lineage DAG (sources, raw, staging, marts, consumers) of about 50K nodes. Every node
 * past the sources reads 1-3 distinct nodes of the layer before it, so edges always point forward.
 */
public final class LineageGenerator implements DatasetGenerator {

  static final double[] LAYER_ENDS = {0.04, 0.30, 0.60, 0.85, 1.0};
  private static final int STREAM = 801;
  private static final String[] SYSTEMS = {"salesforce", "sap", "netsuite", "hubspot", "zendesk", "stripe", "postgres", "kafka"};
  private static final String[] TEAMS = {"finance", "sales-ops", "marketing", "support", "data-platform", "logistics"};

  @Override
  public List<Output> outputs(GenerationContext context) {
    return List.of(
        Output.table("lineage_nodes", () -> nodes(context)),
        Output.table("lineage_edges", () -> edges(context)),
        Output.groundTruth("lineage_facts", () -> LineageFacts.probe(context, edges(context))));
  }

  /** First node id of each layer, plus the total as a final entry. */
  static long[] layerStarts(long nodes) {
    long[] starts = new long[LAYER_ENDS.length + 1];
    for (int i = 0; i < LAYER_ENDS.length; i++) {
      starts[i + 1] = Math.round(nodes * LAYER_ENDS[i]);
    }
    return starts;
  }

  private static Dataset<Row> hashedNodes(GenerationContext context) {
    long[] starts = layerStarts(context.sizes().lineageNodes());
    Column id = col("id");
    Column layer = lit(LAYER_ENDS.length - 1);
    for (int l = LAYER_ENDS.length - 2; l >= 0; l--) {
      layer = when(id.lt(starts[l + 1]), l).otherwise(layer);
    }
    return context.range(context.sizes().lineageNodes())
        .select(id, layer.as("layer"), context.random().hash(id, STREAM).as("h"));
  }

  static Dataset<Row> nodes(GenerationContext context) {
    Column layer = col("layer");
    Column h = col("h");
    Column consumer = pick(bits(h, 0, 8), "dashboard", "ml_model", "report");
    Column type = when(layer.equalTo(0), "source_system").when(layer.equalTo(1), "raw_table")
        .when(layer.equalTo(2), "staging_table").when(layer.equalTo(3), "mart_table").otherwise(consumer);
    Column prefix = when(layer.equalTo(0), "src_").when(layer.equalTo(1), "raw.")
        .when(layer.equalTo(2), "stg.").when(layer.equalTo(3), "mart.").otherwise(concat(consumer, lit(".")));
    Column system = pick(bits(h, 8, 8), SYSTEMS);
    return hashedNodes(context).select(
        col("id").as("node_id"),
        concat(prefix, when(layer.equalTo(0), concat(system, lit("_"))).otherwise(""),
            lpad(col("id").cast("string"), 6, "0")).as("node_name"),
        type.as("node_type"),
        layer.as("layer"),
        system.as("system"),
        pick(bits(h, 16, 8), TEAMS).as("owner_team"));
  }

  static Dataset<Row> edges(GenerationContext context) {
    long[] starts = layerStarts(context.sizes().lineageNodes());
    Column layer = col("layer");
    Column h = col("h");
    Column previousStart = lit(0L);
    Column previousSize = lit(1L);
    for (int l = 1; l < LAYER_ENDS.length; l++) {
      previousStart = when(layer.equalTo(l), starts[l - 1]).otherwise(previousStart);
      previousSize = when(layer.equalTo(l), starts[l] - starts[l - 1]).otherwise(previousSize);
    }
    Column fanIn = bits(h, 0, 8).mod(3).plus(1);
    Dataset<Row> fanned = hashedNodes(context).where(layer.gt(0)).select(col("id"), h,
        previousStart.as("prev_start"), previousSize.as("prev_size"),
        explode(sequence(lit(0L), fanIn.minus(1))).as("j"));
    // Offsets 0, s/3 and 2s/3 apart modulo s are distinct, so no node reads the same parent twice.
    Column parent = col("prev_start").plus(pmod(bits(h, 8, 40)
        .plus(col("j").multiply(col("prev_size").divide(3).cast("long"))), col("prev_size")));
    return fanned.select(
        parent.as("source_node_id"),
        col("id").as("target_node_id"),
        pick(bits(h, 48, 8).plus(col("j")), "copy", "transform", "aggregate", "join", "filter").as("edge_type"));
  }
}
