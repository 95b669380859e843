package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Anomalies the generator does not plant: bursts of duplicated orders on a few seeded days and one
 * burst of duplicated events in one seeded hour, written as extra rows into the run's scratch
 * folder (the lake stays untouched). The list of what was planted is the ground truth.
 */
final class S13PlantedAnomalies {

  static final int ORDER_DAYS = 3;
  static final int ORDER_COPIES = 3;
  static final int EVENT_COPIES = 5;
  private static final long SALT = 0x696e7369_67687421L;

  record Planted(List<Instant> orderDays, Instant eventHour, Dataset<Row> extraOrders, Dataset<Row> extraEvents) {

    List<String> labels() {
      List<String> out = new ArrayList<>();
      orderDays.forEach(d -> out.add("anomaly:orders_per_day:" + d.toString().substring(0, 10)));
      out.add("anomaly:events_per_hour:" + eventHour.toString().substring(0, 13));
      return out;
    }
  }

  private S13PlantedAnomalies() {}

  static Planted plant(ScenarioContext context, Dataset<Row> orders, Dataset<Row> events, Instant ordersStart, Instant eventsStart,
      int eventHours) {
    SplittableRandom random = new SplittableRandom(context.manifest().parameters().seed() ^ SALT);
    List<Instant> days = new ArrayList<>();
    while (days.size() < ORDER_DAYS) {
      Instant day = ordersStart.plus(20 + random.nextInt(690), ChronoUnit.DAYS);
      if (days.stream().allMatch(d -> Math.abs(ChronoUnit.DAYS.between(d, day)) > 20)) {
        days.add(day);
      }
    }
    days.sort(null);
    Instant hour = eventsStart.plus(24 + random.nextInt(eventHours - 48), ChronoUnit.HOURS);

    Dataset<Row> orderBurst = null;
    for (Instant day : days) {
      Dataset<Row> rows = orders.where(col("order_timestamp").geq(lit(java.sql.Timestamp.from(day)))
          .and(col("order_timestamp").lt(lit(java.sql.Timestamp.from(day.plus(1, ChronoUnit.DAYS))))));
      orderBurst = orderBurst == null ? rows : orderBurst.unionAll(rows);
    }
    Dataset<Row> extraOrders = orderBurst.withColumn("copy", explode(sequence(lit(1), lit(ORDER_COPIES))))
        .withColumn("order_id", concat(col("order_id"), lit("-INJ"), col("copy").cast("string"))).drop("copy");
    Dataset<Row> eventBurst = events.where(col("event_time").geq(lit(java.sql.Timestamp.from(hour)))
        .and(col("event_time").lt(lit(java.sql.Timestamp.from(hour.plus(1, ChronoUnit.HOURS))))));
    Dataset<Row> extraEvents = eventBurst.withColumn("copy", explode(sequence(lit(1), lit(EVENT_COPIES))))
        .withColumn("event_id", lit(0L).minus(col("event_id").multiply(10)).minus(col("copy"))).drop("copy");

    String ordersPath = new Path(context.scratch(), "orders_injected").toString();
    String eventsPath = new Path(context.scratch(), "events_injected").toString();
    extraOrders.coalesce(1).write().mode("overwrite").parquet(ordersPath);
    extraEvents.coalesce(1).write().mode("overwrite").parquet(eventsPath);
    return new Planted(days, hour, context.spark().read().parquet(ordersPath), context.spark().read().parquet(eventsPath));
  }
}
