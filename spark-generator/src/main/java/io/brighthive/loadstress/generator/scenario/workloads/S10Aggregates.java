package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The materialized aggregates of S10. Each order becomes a one-row partial aggregate; partial
 * aggregates of the same key combine with a count, a sum, a minimum or a maximum, which are
 * associative. So the full recompute (combine every order) and the incremental update (combine
 * the previous state with the new orders) run the same combination, over different inputs.
 */
enum S10Aggregates {

  DAILY_REVENUE(List.of("day", "status")) {
    @Override
    Dataset<Row> partial(Dataset<Row> orders) {
      return orders.select(to_date(col("order_timestamp")).as("day"), col("status"), lit(1L).as("orders"),
          col("order_amount").cast(REVENUE).as("revenue"), col("days_to_fulfill").as("max_days"));
    }

    @Override
    List<Column> combined() {
      return List.of(total("orders"), total("revenue"), max("max_days").as("max_days"));
    }
  },

  CUSTOMER_TOTALS(List.of("customer_id")) {
    @Override
    Dataset<Row> partial(Dataset<Row> orders) {
      return orders.select(col("customer_id"), lit(1L).as("orders"), col("order_amount").cast(REVENUE).as("revenue"),
          col("order_timestamp").as("first_order"), col("order_timestamp").as("last_order"));
    }

    @Override
    List<Column> combined() {
      return List.of(total("orders"), total("revenue"), min("first_order").as("first_order"),
          max("last_order").as("last_order"));
    }
  };

  private static final String REVENUE = "decimal(34,2)";

  private final List<String> keys;

  S10Aggregates(List<String> keys) {
    this.keys = keys;
  }

  /** One partial aggregate per order, in the aggregate table's columns. */
  abstract Dataset<Row> partial(Dataset<Row> orders);

  /** How partial aggregates of one key combine. */
  abstract List<Column> combined();

  String tableName() {
    return name().toLowerCase();
  }

  /** The aggregate table over these orders (the full recompute). */
  Dataset<Row> compute(Dataset<Row> orders) {
    return combine(partial(orders));
  }

  /** The previous state with the new orders folded in: one small aggregation over state rows plus new orders. */
  Dataset<Row> merge(Dataset<Row> state, Dataset<Row> newOrders) {
    return combine(state.unionByName(partial(newOrders)));
  }

  private Dataset<Row> combine(Dataset<Row> partials) {
    List<Column> measures = combined();
    return partials.groupBy(keys.stream().map(functions::col).toArray(Column[]::new))
        .agg(measures.get(0), measures.subList(1, measures.size()).toArray(Column[]::new));
  }

  /** Counts stay long and revenue keeps one decimal type, so both paths compare equal. */
  private static Column total(String measure) {
    return sum(measure).cast(measure.equals("orders") ? "long" : REVENUE).as(measure);
  }
}
