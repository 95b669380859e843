package io.brighthive.loadstress.generator.data;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * Pseudo-random columns that are pure functions of (row id, seed, stream).
 *
 * <p>Spark's {@code rand(seed)} depends on the partition layout; a hash of the row id does not, so
 * the same seed yields the same rows whatever the partition count.
 */
public final class HashRandom {

  private static final double TWO_POW_53 = 9007199254740992.0;

  private final long seed;

  public HashRandom(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** 64 well-mixed bits for one independent stream of values per row. */
  public Column hash(Column id, int stream) {
    return xxhash64(id, lit(seed), lit(stream));
  }

  /** Uniform double in [0, 1) taken from the top 53 bits of a hash. */
  public static Column unit(Column hash) {
    return shiftrightunsigned(hash, 11).cast("double").multiply(1.0 / TWO_POW_53);
  }

  /** Integer in [0, n) from {@code width} bits of a hash starting at bit {@code shift}. */
  public static Column bits(Column hash, int shift, int width) {
    return shiftrightunsigned(hash, shift).bitwiseAND(lit((1L << width) - 1));
  }

  /** Long in [0, n). */
  public static Column below(Column hash, long n) {
    return pmod(hash, lit(n));
  }

  /** One of {@code values}, indexed by {@code index} (any integral column, taken modulo the length). */
  public static Column pick(Column index, String... values) {
    Column[] literals = Arrays.stream(values).map(v -> lit(v)).toArray(Column[]::new);
    return element_at(array(literals), pmod(index, lit(values.length)).cast("int").plus(1));
  }
}
