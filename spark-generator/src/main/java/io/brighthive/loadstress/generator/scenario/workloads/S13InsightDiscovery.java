package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import io.brighthive.loadstress.generator.data.TimeWindow;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * S13 Cross-asset insight discovery, with statistical detectors in place of an LLM: (1) Pearson
 * correlations between per-customer measures that come from different tables (orders, support
 * tickets, events, the customer dimension), reported when |r| reaches {@code minCorrelation};
 * (2) spikes in orders per day and events per hour against the median of their neighbours.
 * Planted insights: the activity correlations that the generator's shared customer skew creates,
 * and the order and event bursts that this run plants in its scratch folder.
 */
public final class S13InsightDiscovery implements Scenario {

  static final List<String> PLANTED_CORRELATIONS = List.of(
      "correlation:events_count~orders_count", "correlation:events_count~tickets_count", "correlation:orders_count~tickets_count");
  private static final Map<String, String> MEASURE_TABLE = Map.of(
      "orders_count", "orders", "tickets_count", "support_tickets", "events_count", "events",
      "num_employees", "customers", "annual_revenue", "customers", "lifetime_value", "customers");

  @Override
  public String id() {
    return "S13";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    double minCorrelation = context.parameters().number("minCorrelation");
    double spikeRatio = context.parameters().number("spikeRatio");
    Dataset<Row> orders = context.table("orders");
    Dataset<Row> events = context.table("events");
    Dataset<Row> tickets = context.table("support_tickets");
    Dataset<Row> customers = context.table("customers");
    Instant ordersStart = Instant.ofEpochSecond(TimeWindow.FACTS_START);
    Instant eventsStart = TimeWindow.AS_OF.minus(31, ChronoUnit.DAYS);
    int eventHours = 31 * 24;
    S13PlantedAnomalies.Planted planted = S13PlantedAnomalies.plant(context, orders, events, ordersStart, eventsStart, eventHours);
    Dataset<Row> allOrders = orders.unionByName(planted.extraOrders());
    Dataset<Row> allEvents = events.unionByName(planted.extraEvents());

    Map<String, Double> correlations = correlations(customers, allOrders, tickets, allEvents);
    Set<String> found = new TreeSet<>();
    correlations.forEach((pair, r) -> {
      if (Math.abs(r) >= minCorrelation) {
        found.add("correlation:" + pair);
      }
    });
    long[] perDay = series(allOrders, "order_timestamp", ordersStart, 86_400, 731);
    for (int day : S13Spikes.find(perDay, 7, spikeRatio)) {
      found.add("anomaly:orders_per_day:" + ordersStart.plus(day, ChronoUnit.DAYS).toString().substring(0, 10));
    }
    long[] perHour = series(allEvents, "event_time", eventsStart, 3_600, eventHours);
    for (int hour : S13Spikes.find(perHour, 12, spikeRatio)) {
      found.add("anomaly:events_per_hour:" + eventsStart.plus(hour, ChronoUnit.HOURS).toString().substring(0, 13));
    }

    Set<String> truth = new TreeSet<>(PLANTED_CORRELATIONS);
    truth.addAll(planted.labels());
    Set<String> hits = new HashSet<>(found);
    hits.retainAll(truth);
    List<String> missed = truth.stream().filter(t -> !found.contains(t)).toList();
    List<String> unexpected = found.stream().filter(f -> !truth.contains(f)).toList();
    outcome.measured("recall", truth.isEmpty() ? 1.0 : hits.size() / (double) truth.size())
        .measured("precision", found.isEmpty() ? 0.0 : hits.size() / (double) found.size());

    for (String table : List.of("orders", "events", "support_tickets", "customers")) {
      outcome.addRecords(context.table(table).count()).addBytes(context.tableBytes(table));
    }
    outcome.addRecords(planted.extraOrders().count() + planted.extraEvents().count());
    Map<String, Double> rounded = new LinkedHashMap<>();
    correlations.forEach((k, v) -> rounded.put(k, Math.round(v * 1000) / 1000.0));
    outcome.detail("planted", new ArrayList<>(truth))
        .detail("found", new ArrayList<>(found))
        .detail("missed", missed)
        .detail("unexpected", unexpected)
        .detail("correlations", rounded)
        .detail("minCorrelation", minCorrelation)
        .detail("spikeRatio", spikeRatio);
  }

  /** Pearson r for every pair of per-customer measures that come from different tables, keyed "a~b" (sorted). */
  static Map<String, Double> correlations(Dataset<Row> customers, Dataset<Row> orders, Dataset<Row> tickets, Dataset<Row> events) {
    Dataset<Row> features = customers.select(col("customer_id"), col("num_employees").cast("double").as("num_employees"),
            col("annual_revenue").cast("double").as("annual_revenue"), col("lifetime_value").cast("double").as("lifetime_value"))
        .join(orders.groupBy("customer_id").agg(count(lit(1)).as("orders_count")),
            scala.collection.JavaConverters.asScalaBuffer(List.of("customer_id")).toSeq(), "left")
        .join(tickets.groupBy("customer_id").agg(count(lit(1)).as("tickets_count")),
            scala.collection.JavaConverters.asScalaBuffer(List.of("customer_id")).toSeq(), "left")
        .join(events.groupBy("customer_id").agg(count(lit(1)).as("events_count")),
            scala.collection.JavaConverters.asScalaBuffer(List.of("customer_id")).toSeq(), "left")
        .select(col("num_employees"), col("annual_revenue"), col("lifetime_value"),
            coalesce(col("orders_count"), lit(0L)).cast("double").as("orders_count"),
            coalesce(col("tickets_count"), lit(0L)).cast("double").as("tickets_count"),
            coalesce(col("events_count"), lit(0L)).cast("double").as("events_count"))
        .cache();
    try {
      List<String> measures = new ArrayList<>(MEASURE_TABLE.keySet());
      measures.sort(null);
      Map<String, Double> out = new LinkedHashMap<>();
      for (int i = 0; i < measures.size(); i++) {
        for (int j = i + 1; j < measures.size(); j++) {
          String a = measures.get(i);
          String b = measures.get(j);
          if (!MEASURE_TABLE.get(a).equals(MEASURE_TABLE.get(b))) {
            out.put(a + "~" + b, features.stat().corr(a, b));
          }
        }
      }
      return out;
    } finally {
      features.unpersist();
    }
  }

  /** Rows per bucket of {@code seconds} from {@code start}, for {@code buckets} buckets (rows outside are ignored). */
  static long[] series(Dataset<Row> data, String timeColumn, Instant start, long seconds, int buckets) {
    long[] counts = new long[buckets];
    Dataset<Row> perBucket = data.select(floor(col(timeColumn).cast("long").minus(start.getEpochSecond()).divide(seconds)).as("bucket"))
        .groupBy("bucket").count();
    for (Row row : perBucket.collectAsList()) {
      long bucket = row.getLong(0);
      if (bucket >= 0 && bucket < buckets) {
        counts[(int) bucket] = row.getLong(1);
      }
    }
    return counts;
  }
}
