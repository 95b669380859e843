package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.pick;
import static io.brighthive.loadstress.generator.data.HashRandom.unit;
import static java.util.Map.entry;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The products dimension. */
public final class ProductsGenerator implements DatasetGenerator {

  private static final int STREAM = 201;

  @Override
  public List<Output> outputs(GenerationContext context) {
    return List.of(Output.table("products", () -> products(context)));
  }

  static Dataset<Row> products(GenerationContext context) {
    Column id = col("id");
    Dataset<Row> hashed = context.range(context.sizes().products())
        .select(id, context.random().hash(id, STREAM).as("h"));
    Column h = col("h");
    Map<String, Column> values = Map.of(
        "product_id", Keys.productId(id),
        "product_name", concat(
            pick(bits(h, 0, 8), Vocabulary.PRODUCT_ADJECTIVES), lit(" "),
            pick(bits(h, 8, 8), Vocabulary.PRODUCT_NOUNS), lit(" "),
            Keys.productId(id).substr(6, 6)),
        "category", pick(bits(h, 16, 8), Vocabulary.CATEGORIES),
        "unit_price", floor(exp(unit(h).multiply(Math.log(2_000.0 / 5.0))).multiply(5.0)),
        "inventory_quantity", bits(h, 24, 14).mod(10_001));
    return WarehouseSchema.PRODUCTS.conform(values, hashed);
  }
}
