package io.brighthive.loadstress.generator.data;

import static io.brighthive.loadstress.generator.data.HashRandom.bits;
import static io.brighthive.loadstress.generator.data.HashRandom.pick;
import static io.brighthive.loadstress.generator.data.HashRandom.unit;
import static java.util.Map.entry;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per (entity, source) for the sources CRM, ERP and LEGACY. A planted share of entities
 * (exactly floor(entities x rate)) has one source that disagrees on one field.
 */
public final class MultiSourceGenerator implements DatasetGenerator {

  static final String[] SOURCES = {"CRM", "ERP", "LEGACY"};
  static final String[] FIELDS = {"email", "phone", "annual_revenue"};
  static final String[] CONFLICT_TYPES = {"email_mismatch", "phone_mismatch", "revenue_mismatch"};

  private static final int PERSON_STREAM = 401;
  private static final int CONTACT_STREAM = 402;
  private static final int CONFLICT_STREAM = 403;
  private static final int SOURCE_ROW_STREAM = 404;
  /** Knuth's multiplicative constant, a prime above any entity count: a permutation of 0..E-1. */
  private static final long PERMUTATION_PRIME = 2_654_435_761L;
  private static final LocalDate LAST_UPDATE_LIMIT = LocalDate.of(2024, 12, 31);

  @Override
  public List<Output> outputs(GenerationContext context) {
    return List.of(
        Output.table("multi_source_entities", () -> rows(context)),
        Output.groundTruth("conflicts", () -> conflicts(context)));
  }

  static Dataset<Row> rows(GenerationContext context) {
    Column rowId = col("id");
    Dataset<Row> base = withEntityHashes(context,
        context.range(3 * context.sizes().entities())
            .select(rowId, floor(rowId.divide(3)).as("e"), pmod(rowId, lit(3L)).as("s")))
        .withColumn("hs", context.random().hash(rowId, SOURCE_ROW_STREAM));
    Column source = col("s");
    Column hs = col("hs");
    Column conflict = col("conflict");
    Column field = bits(col("hc"), 0, 8).mod(3);
    Column deviant = conflict.and(bits(col("hc"), 8, 8).mod(3).equalTo(source));
    Column created = createdDate();

    Map<String, Column> values = Map.ofEntries(
        entry("record_id", concat(pick(source, SOURCES), lit("-"), lpad(col("e").cast("string"), 10, "0"))),
        entry("source", pick(source, SOURCES)),
        entry("source_system_id", concat(pick(source, "SF", "SAP", "LGC"), lit("-"),
            lpad(bits(hs, 0, 30).cast("string"), 9, "0"))),
        entry("entity_id", Keys.entityId(col("e"))),
        entry("first_name", firstName()),
        entry("last_name", lastName()),
        entry("email", email(deviant.and(field.equalTo(0)))),
        entry("phone", phone(deviant.and(field.equalTo(1)))),
        entry("annual_revenue", revenue(deviant.and(field.equalTo(2)))),
        entry("employee_count", floor(exp(unit(col("h2")).multiply(Math.log(50_000)))).cast("long")),
        entry("created_date", created),
        entry("created_date_str", when(source.equalTo(0), date_format(created, "yyyy-MM-dd"))
            .when(source.equalTo(1), date_format(created, "MM/dd/yyyy"))
            .otherwise(date_format(created, "dd-MMM-yyyy"))),
        entry("last_updated", date_add(created, pmod(bits(hs, 30, 20),
            datediff(lit(LAST_UPDATE_LIMIT), created).plus(1)).cast("int"))),
        entry("has_conflict", conflict),
        entry("conflict_type", when(conflict, pick(field, CONFLICT_TYPES))));
    return WarehouseSchema.MULTI_SOURCE_ENTITIES.conform(values, base);
  }

  /** Ground truth: one row per conflicting entity, with every source's value and the resolved one. */
  static Dataset<Row> conflicts(GenerationContext context) {
    Dataset<Row> entities = withEntityHashes(context,
        context.range(context.sizes().entities()).select(col("id").as("e")))
        .where(col("conflict"));
    Column field = bits(col("hc"), 0, 8).mod(3);
    Column deviantSource = bits(col("hc"), 8, 8).mod(3);
    Column[] perSource = new Column[SOURCES.length];
    for (int s = 0; s < SOURCES.length; s++) {
      Column altered = deviantSource.equalTo(s);
      perSource[s] = when(field.equalTo(0), email(altered))
          .when(field.equalTo(1), phone(altered))
          .otherwise(revenue(altered).cast("string"))
          .as(SOURCES[s].toLowerCase() + "_value");
    }
    return entities.select(
        Keys.entityId(col("e")).as("entity_id"),
        pick(field, FIELDS).as("field"),
        pick(field, CONFLICT_TYPES).as("conflict_type"),
        pick(deviantSource, SOURCES).as("deviating_source"),
        perSource[0], perSource[1], perSource[2],
        // Source priority CRM > ERP > LEGACY: the CRM value wins.
        perSource[0].as("resolved_value"));
  }

  /** Adds the per-entity hashes h1, h2, hc and the exact-rate conflict flag to a frame with column e. */
  private static Dataset<Row> withEntityHashes(GenerationContext context, Dataset<Row> frame) {
    long entities = context.sizes().entities();
    HashRandom random = context.random();
    Column e = col("e");
    Column permuted = pmod(e.multiply(PERMUTATION_PRIME)
        .plus(Math.floorMod(random.seed(), entities)), lit(entities));
    double rate = context.conflictRate();
    // floor((p+1)r) - floor(p r) is 1 for exactly floor(E r) of the permuted indexes p in 0..E-1.
    Column conflict = floor(permuted.plus(1).multiply(rate)).gt(floor(permuted.multiply(rate)));
    return frame
        .withColumn("h1", random.hash(e, PERSON_STREAM))
        .withColumn("h2", random.hash(e, CONTACT_STREAM))
        .withColumn("hc", random.hash(e, CONFLICT_STREAM))
        .withColumn("conflict", conflict);
  }

  private static Column firstName() {
    return pick(bits(col("h1"), 0, 8), Vocabulary.FIRST_NAMES);
  }

  private static Column lastName() {
    return pick(bits(col("h1"), 8, 8), Vocabulary.LAST_NAMES);
  }

  private static Column email(Column altered) {
    Column domain = bits(col("h1"), 16, 8);
    Column otherDomain = domain.plus(1).plus(bits(col("hc"), 16, 8).mod(Vocabulary.EMAIL_DOMAINS.length - 1));
    Column number = col("e").cast("string");
    Column regular = concat(lower(firstName()), lit("."), lower(lastName()), number, lit("@"),
        pick(domain, Vocabulary.EMAIL_DOMAINS));
    Column changed = concat(lower(firstName().substr(1, 1)), lower(lastName()), number, lit("@"),
        pick(otherDomain, Vocabulary.EMAIL_DOMAINS));
    return when(altered, changed).otherwise(regular);
  }

  private static Column phone(Column altered) {
    Column h2 = col("h2");
    Column line = bits(h2, 20, 14).mod(10_000);
    Column otherLine = line.plus(1).plus(bits(col("hc"), 24, 14).mod(9_998)).mod(10_000);
    Column prefix = concat(lit("+1-"), bits(h2, 0, 10).mod(800).plus(200).cast("string"), lit("-"),
        bits(h2, 10, 10).mod(800).plus(200).cast("string"), lit("-"));
    return concat(prefix, lpad(when(altered, otherLine).otherwise(line).cast("string"), 4, "0"));
  }

  /** DECIMAL(24,2) revenue, 100K to 500M; an altered value is 5-40% off, so it always differs. */
  private static Column revenue(Column altered) {
    Column cents = floor(exp(unit(col("h2")).multiply(Math.log(5_000.0))).multiply(10_000_000.0));
    Column draw = bits(col("hc"), 40, 10);
    Column factor = when(draw.mod(2).equalTo(0), lit(0.60).plus(draw.divide(1024.0 / 0.35)))
        .otherwise(lit(1.05).plus(draw.divide(1024.0 / 0.35)));
    Column value = when(altered, floor(cents.multiply(factor))).otherwise(cents);
    return Money.fromCents(value);
  }

  private static Column createdDate() {
    return date_add(lit(TimeWindow.DIMENSIONS_START), bits(col("h2"), 34, 12).mod(3287).cast("int"));
  }
}
