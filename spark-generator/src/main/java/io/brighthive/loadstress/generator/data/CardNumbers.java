package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * 16-digit Visa-style numbers as column expressions: a '4', 14 hashed digits and a check digit.
 * The Luhn sum is unrolled so it stays inside whole-stage code generation.
 */
final class CardNumbers {

  private static final int PAYLOAD = 15;

  private CardNumbers() {}

  /** The 15 payload digits (the first is always 4), drawn from 56 bits of {@code hash}. */
  static Column[] payload(Column hash) {
    Column[] digits = new Column[PAYLOAD];
    digits[0] = lit(4L);
    for (int i = 1; i < PAYLOAD; i++) {
      digits[i] = bits(hash, 4 * (i - 1), 4).mod(10);
    }
    return digits;
  }

  /** The digit that makes the full number pass Luhn. */
  static Column checkDigit(Column[] payload) {
    Column sum = lit(0L);
    for (int i = 0; i < PAYLOAD; i++) {
      // Counting from the right of the 16-digit number, payload digit i sits at position 16 - i;
      // Luhn doubles the even positions.
      Column term = i % 2 == 0
          ? when(payload[i].lt(5), payload[i].multiply(2)).otherwise(payload[i].multiply(2).minus(9))
          : payload[i];
      sum = sum.plus(term);
    }
    return lit(10L).minus(sum.mod(10)).mod(10);
  }

  /** A check digit that is never the right one, so the number fails Luhn. */
  static Column wrongCheckDigit(Column[] payload, Column draw) {
    return checkDigit(payload).plus(1).plus(draw.mod(9)).mod(10);
  }

  /** Groups of four joined by {@code separator} (a space, a dash or nothing). */
  static Column render(Column[] payload, Column check, Column separator) {
    Column[] parts = new Column[16 + 3];
    int p = 0;
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        parts[p++] = separator;
      }
      parts[p++] = (i < PAYLOAD ? payload[i] : check).cast("string");
    }
    return concat(parts);
  }
}
