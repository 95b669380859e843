package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.pick;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A click stream for streaming ingestion: event_time rises strictly with event_id over the last 31
 * days of the window. A few payloads carry a unique NEEDLE marker for the search scenario.
 */
public final class EventsGenerator implements DatasetGenerator {

  private static final int CUSTOMER_STREAM = 501;
  private static final int ATTRIBUTE_STREAM = 502;
  private static final long WINDOW_MICROS = 31L * 24 * 3600 * 1_000_000;
  private static final String[] TYPES = {
    "page_view", "page_view", "page_view", "page_view", "click", "click", "add_to_cart", "search",
    "login", "purchase"
  };
  private static final String[] PAGES = {"home", "products", "cart", "checkout", "account", "search", "help"};
  private static final String[] DEVICES = {"ios", "android", "web", "desktop"};

  @Override
  public List<Output> outputs(GenerationContext context) {
    NeedlePlan plan = NeedlePlan.forEvents(context.random().seed(), context.sizes().events());
    return List.of(
        Output.table("events", () -> events(context, plan)),
        Output.groundTruth("needles", () -> needles(context, plan)));
  }

  static Dataset<Row> events(GenerationContext context, NeedlePlan plan) {
    long rows = context.sizes().events();
    HashRandom random = context.random();
    Column id = col("id");
    Dataset<Row> hashed = context.range(rows).select(id,
        random.hash(id, CUSTOMER_STREAM).as("h1"), random.hash(id, ATTRIBUTE_STREAM).as("h2"));
    Column h2 = col("h2");
    long start = TimeWindow.FACTS_END * 1_000_000 - WINDOW_MICROS;
    Column micros = floor(id.cast("double").plus(0.5).multiply((double) WINDOW_MICROS / rows)).plus(start);
    Column payload = concat(
        lit("{\"session\":\""), hex(bits(h2, 0, 32)),
        lit("\",\"page\":\"/"), pick(bits(h2, 32, 8), PAGES), lit("/"), bits(h2, 40, 10).cast("string"),
        lit("\",\"duration_ms\":"), bits(h2, 50, 14).cast("string"),
        lit(",\"device\":\""), pick(bits(h2, 20, 8), DEVICES), lit("\""),
        needleField(id, plan), lit("}"));
    return hashed.select(
        id.as("event_id"),
        timestamp_micros(micros).as("event_time"),
        Keys.customerId(Keys.skewedCustomerIndex(col("h1"), context.sizes().customers())).as("customer_id"),
        pick(bits(h2, 28, 4), TYPES).as("event_type"),
        payload.as("payload"));
  }

  private static Column needleField(Column id, NeedlePlan plan) {
    Column marker = null;
    Object[] positions = new Object[plan.needles().size()];
    for (int i = 0; i < positions.length; i++) {
      NeedlePlan.Needle needle = plan.needles().get(i);
      positions[i] = needle.eventId();
      marker = marker == null
          ? when(id.equalTo(needle.eventId()), needle.marker())
          : marker.when(id.equalTo(needle.eventId()), needle.marker());
    }
    return when(id.isin(positions), concat(lit(",\"trace\":\""), marker, lit("\""))).otherwise("");
  }

  static Dataset<Row> needles(GenerationContext context, NeedlePlan plan) {
    StructType schema = new StructType()
        .add("table_name", DataTypes.StringType, false)
        .add("row_key", DataTypes.StringType, false)
        .add("column_name", DataTypes.StringType, false)
        .add("marker", DataTypes.StringType, false);
    List<Row> rows = plan.needles().stream()
        .map(n -> RowFactory.create("events", Long.toString(n.eventId()), "payload", n.marker()))
        .toList();
    return context.fromDriver(rows, schema);
  }
}
