package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.unit;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The orders fact table: N rows, skewed customers, seasonal timestamps rising with the id. */
public final class OrdersGenerator implements DatasetGenerator {

  private static final int CUSTOMER_STREAM = 301;
  private static final int ATTRIBUTE_STREAM = 302;
  /** Two yearly peaks over the two-year window; amplitude below 1 keeps time monotone in the id. */
  private static final double SEASONS = 2.0;
  private static final double SEASONAL_AMPLITUDE = 0.6;
  private static final int JITTER_SECONDS = 300;

  @Override
  public List<Output> outputs(GenerationContext context) {
    return List.of(Output.table("orders", () -> orders(context)));
  }

  static Dataset<Row> orders(GenerationContext context) {
    long rows = context.sizes().orders();
    Column id = col("id");
    Dataset<Row> hashed = context.range(rows).select(id,
        context.random().hash(id, CUSTOMER_STREAM).as("h1"),
        context.random().hash(id, ATTRIBUTE_STREAM).as("h2"));
    Column h2 = col("h2");
    Column statusDraw = bits(h2, 20, 10);
    Column cancelled = statusDraw.geq(901).and(statusDraw.lt(973));
    Column u = unit(h2);
    Column cents = floor(lit(500.0).plus(u.multiply(u).multiply(99_500.0)));

    Map<String, Column> values = Map.of(
        "order_id", Keys.orderId(id),
        "customer_id", Keys.customerId(
            Keys.skewedCustomerIndex(col("h1"), context.sizes().customers())),
        "order_timestamp", seasonalTimestamp(id, rows, bits(h2, 0, 20).mod(JITTER_SECONDS)),
        "order_amount", Money.fromCents(cents),
        "status", when(statusDraw.lt(717), "delivered")
            .when(statusDraw.lt(819), "shipped")
            .when(statusDraw.lt(901), "processing")
            .when(cancelled, "cancelled")
            .otherwise("returned"),
        "days_to_fulfill", when(cancelled, lit(null))
            .otherwise(bits(h2, 40, 4).mod(14).plus(1)));
    return WarehouseSchema.ORDERS.conform(values, hashed);
  }

  /**
   * Position in the window = f(id/N) with f(x) = x - a sin(2 pi k x)/(2 pi k): monotone for a < 1,
   * so time rises with the id (few files per time range) while the density of orders is seasonal.
   */
  static Column seasonalTimestamp(Column id, long rows, Column jitterSeconds) {
    double omega = 2 * Math.PI * SEASONS;
    Column x = id.cast("double").plus(0.5).divide((double) rows);
    Column f = x.minus(sin(x.multiply(omega)).multiply(SEASONAL_AMPLITUDE / omega));
    double span = TimeWindow.FACTS_END - TimeWindow.FACTS_START - JITTER_SECONDS;
    Column seconds = floor(f.multiply(span)).plus(TimeWindow.FACTS_START).plus(jitterSeconds);
    return timestamp_seconds(seconds);
  }
}
