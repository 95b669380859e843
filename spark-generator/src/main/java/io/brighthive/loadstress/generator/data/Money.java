package io.brighthive.loadstress.generator.data;

import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;

/** Amounts are drawn as whole cents and scaled exactly, never rounded from a double. */
final class Money {

  private static final BigDecimal ONE_CENT = new BigDecimal("0.01");

  private Money() {}

  static Column fromCents(Column cents) {
    return cents.cast("decimal(22,0)").multiply(lit(ONE_CENT)).cast("decimal(24,2)");
  }
}
