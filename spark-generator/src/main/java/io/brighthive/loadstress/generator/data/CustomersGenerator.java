package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.pick;
import static io.brighthive.loadstress.generator.data.HashRandom.unit;
import static java.util.Map.entry;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The customers dimension: one row per customer index 0..customers-1. */
public final class CustomersGenerator implements DatasetGenerator {

  private static final int NAME_STREAM = 101;
  private static final int ATTRIBUTE_STREAM = 102;

  @Override
  public List<Output> outputs(GenerationContext context) {
    return List.of(Output.table("customers", () -> customers(context)));
  }

  static Dataset<Row> customers(GenerationContext context) {
    HashRandom random = context.random();
    Column id = col("id");
    Dataset<Row> hashed = context.range(context.sizes().customers())
        .select(id, random.hash(id, NAME_STREAM).as("h1"), random.hash(id, ATTRIBUTE_STREAM).as("h2"));
    Column h1 = col("h1");
    Column h2 = col("h2");

    Column segmentDraw = bits(h1, 0, 10);
    Column segment = when(segmentDraw.lt(102), "Enterprise")
        .when(segmentDraw.lt(409), "Mid-Market")
        .otherwise("SMB");
    Column employees = logUniform(segmentDraw, unit(h2));
    Column revenuePerEmployee = lit(50_000L).plus(bits(h2, 0, 19));
    Column revenue = employees.multiply(revenuePerEmployee);
    Column stateIndex = bits(h2, 20, 8);
    Column statusDraw = bits(h2, 28, 7);

    Map<String, Column> values = Map.ofEntries(
        entry("customer_id", Keys.customerId(id)),
        entry("company_name", concat(
            pick(bits(h1, 10, 8), Vocabulary.COMPANY_WORDS), lit(" "),
            pick(bits(h1, 18, 8), Vocabulary.COMPANY_KINDS), lit(" "),
            pick(bits(h1, 26, 8), Vocabulary.COMPANY_SUFFIXES))),
        entry("segment", segment),
        entry("industry", pick(bits(h1, 34, 8), Vocabulary.INDUSTRIES)),
        entry("num_employees", employees),
        entry("annual_revenue", revenue),
        entry("lifetime_value", revenue.multiply(unit(h1).multiply(0.05))),
        entry("region", pick(stateIndex, Vocabulary.STATE_REGIONS)),
        entry("state", pick(stateIndex, Vocabulary.STATES)),
        entry("status", when(statusDraw.lt(102), "active")
            .when(statusDraw.lt(117), "churned")
            .otherwise("prospect")),
        entry("created_at", date_add(lit(TimeWindow.DIMENSIONS_START),
            bits(h2, 35, 12).mod(3287).cast("int"))));
    return WarehouseSchema.CUSTOMERS.conform(values, hashed);
  }

  /** Employee count, log-uniform within the segment's band (1-100, 100-1000, 1000-200000). */
  private static Column logUniform(Column segmentDraw, Column u) {
    Column lowLog = when(segmentDraw.lt(102), Math.log(1_000))
        .when(segmentDraw.lt(409), Math.log(100))
        .otherwise(0.0);
    Column spanLog = when(segmentDraw.lt(102), Math.log(200))
        .when(segmentDraw.lt(409), Math.log(10))
        .otherwise(Math.log(100));
    return floor(exp(lowLog.plus(u.multiply(spanLog)))).cast("long");
  }
}
