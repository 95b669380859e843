package io.brighthive.loadstress.generator.data;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;

import org.apache.spark.sql.Column;

/** Key formats shared by a dimension and the facts that reference it, so foreign keys always match. */
public final class Keys {

  /** A prime larger than any customer count: multiplying by it permutes 0..n-1 for every n below it. */
  private static final long PERMUTATION_PRIME = 1_000_003L;

  private Keys() {}

  public static Column customerId(Column index) {
    return concat(lit("CUST-"), lpad(index.cast("string"), 8, "0"));
  }

  public static Column productId(Column index) {
    return concat(lit("PROD-"), lpad(index.cast("string"), 6, "0"));
  }

  public static Column orderId(Column index) {
    return concat(lit("ORD-"), lpad(index.cast("string"), 12, "0"));
  }

  public static Column entityId(Column index) {
    return concat(lit("ENT-"), lpad(index.cast("string"), 10, "0"));
  }

  /**
   * A customer index in [0, customers) with a Zipf-like skew: u^3 puts a third of the mass on the
   * first 3.7% of indexes; the prime permutation scatters the heavy customers over the key space.
   */
  public static Column skewedCustomerIndex(Column hash, long customers) {
    Column u = HashRandom.unit(hash);
    Column rank = floor(u.multiply(u).multiply(u).multiply((double) customers));
    return pmod(rank.multiply(PERMUTATION_PRIME).plus(customers / 3), lit(customers));
  }
}
