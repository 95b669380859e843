package io.brighthive.loadstress.generator.scenario.workloads;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import io.brighthive.loadstress.generator.scenario.warehouse.QueryResult;
import io.brighthive.loadstress.generator.scenario.warehouse.Warehouse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.functions;

/**
 * S08 Warehouse-wide analytics: the dashboard queries of a data product over the star schema,
 * timed one by one through the warehouse, the whole suite {@code iterations} times. The monthly
 * revenue must add up to the total that Spark computes on its own, so a fast wrong answer fails.
 */
public final class S08WarehouseAnalytics implements Scenario {

  /** Name, SQL, and the tables each query reads (for records and bytes scanned). */
  record Query(String name, String sql, List<String> tables) {}

  static final List<Query> SUITE = List.of(
      new Query("revenue_by_month", """
          SELECT date_trunc('month', order_timestamp) AS month, SUM(order_amount) AS revenue, COUNT(*) AS orders
          FROM orders GROUP BY 1 ORDER BY 1""", List.of("orders")),
      new Query("revenue_by_segment", """
          SELECT c.segment, SUM(o.order_amount) AS revenue, COUNT(*) AS orders, COUNT(DISTINCT o.customer_id) AS buyers
          FROM orders o JOIN customers c ON o.customer_id = c.customer_id GROUP BY c.segment ORDER BY revenue DESC""",
          List.of("orders", "customers")),
      new Query("revenue_by_region_month", """
          SELECT c.region, date_trunc('month', o.order_timestamp) AS month, SUM(o.order_amount) AS revenue
          FROM orders o JOIN customers c ON o.customer_id = c.customer_id GROUP BY 1, 2 ORDER BY 1, 2""",
          List.of("orders", "customers")),
      new Query("top_customers", """
          SELECT o.customer_id, c.company_name, SUM(o.order_amount) AS revenue, COUNT(*) AS orders
          FROM orders o JOIN customers c ON o.customer_id = c.customer_id
          GROUP BY o.customer_id, c.company_name ORDER BY revenue DESC, o.customer_id LIMIT 20""",
          List.of("orders", "customers")),
      new Query("monthly_cohorts", """
          WITH firsts AS (SELECT customer_id, MIN(date_trunc('month', order_timestamp)) AS cohort FROM orders GROUP BY customer_id)
          SELECT f.cohort, COUNT(*) AS customers, SUM(o.order_amount) AS revenue
          FROM firsts f JOIN orders o ON o.customer_id = f.customer_id GROUP BY f.cohort ORDER BY f.cohort""",
          List.of("orders", "orders")),
      new Query("fulfilment_by_status", """
          SELECT status, COUNT(*) AS orders, AVG(days_to_fulfill) AS avg_days, MAX(days_to_fulfill) AS max_days
          FROM orders GROUP BY status ORDER BY status""", List.of("orders")),
      new Query("revenue_by_industry_and_status", """
          SELECT c.industry, c.status, SUM(o.order_amount) AS revenue, AVG(o.order_amount) AS avg_order
          FROM orders o JOIN customers c ON o.customer_id = c.customer_id GROUP BY 1, 2 ORDER BY 1, 2""",
          List.of("orders", "customers")));

  @Override
  public String id() {
    return "S08";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    int iterations = context.parameters().intValue("iterations");
    Warehouse warehouse = context.warehouse();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (String table : List.of("orders", "customers")) {
      rows.put(table, context.table(table).count());
      bytes.put(table, context.tableBytes(table));
    }
    Map<String, Double> slowest = new LinkedHashMap<>();
    QueryResult monthly = null;
    for (int i = 0; i < iterations; i++) {
      for (Query query : SUITE) {
        QueryResult result = warehouse.query(query.sql());
        outcome.latency(result.elapsedMs());
        slowest.merge(query.name(), result.elapsedMs(), Math::max);
        for (String table : query.tables()) {
          outcome.addRecords(rows.get(table)).addBytes(bytes.get(table));
        }
        if (query.name().equals("revenue_by_month")) {
          monthly = result;
        }
      }
    }
    BigDecimal monthlyTotal = monthly.rows().stream().map(r -> new BigDecimal(r.get(1).toString()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal sparkTotal = context.table("orders").agg(functions.sum("order_amount")).first().getDecimal(0);
    boolean consistent = monthlyTotal.compareTo(sparkTotal) == 0;
    if (!consistent) {
      throw new IllegalStateException("the warehouse's monthly revenue adds up to " + monthlyTotal
          + " but the orders total " + sparkTotal + ": the " + warehouse.engine() + " answers are wrong");
    }
    outcome.detail("queries", SUITE.size())
        .detail("iterations", iterations)
        .detail("months", monthly.rows().size())
        .detail("totalRevenue", sparkTotal.toPlainString())
        .detail("slowestMsByQuery", slowest);
  }
}
