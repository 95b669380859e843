package io.brighthive.loadstress.generator;

import static io.brighthive.loadstress.generator.TestLakes.groundTruth;
import static io.brighthive.loadstress.generator.TestLakes.table;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.data.ColumnSpec;
import io.brighthive.loadstress.generator.data.Luhn;
import io.brighthive.loadstress.generator.data.Sizes;
import io.brighthive.loadstress.generator.data.TableSpec;
import io.brighthive.loadstress.generator.data.WarehouseSchema;
import io.brighthive.loadstress.generator.lake.Checksum;
import io.brighthive.loadstress.generator.lake.Manifest;
import io.brighthive.loadstress.generator.lake.OutputStats;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One lake of every dataset at 100K records, checked for content, integrity and ground truth. */
class GeneratedLakeTest {

  static final long RECORDS = 100_000;
  static final double CONFLICT_RATE = 0.2;
  static final Sizes SIZES = Sizes.forRecords(RECORDS);

  @TempDir
  static Path temp;

  static Path lake;
  static Manifest manifest;

  @BeforeAll
  static void generate() throws Exception {
    lake = temp.resolve("lake");
    TestLakes.generate(lake, RECORDS, 7, "--conflict-rate", Double.toString(CONFLICT_RATE));
    manifest = TestLakes.manifest(lake);
  }

  @Test
  void manifestRowCountsAndChecksumsMatchWhatIsInTheLake() {
    assertThat(manifest.status()).isEqualTo("COMPLETE");
    assertThat(manifest.records()).isEqualTo(RECORDS);
    assertThat(manifest.tables()).extracting(OutputStats::name).containsExactly(
        "customers", "products", "orders", "multi_source_entities", "events", "catalog_tables",
        "catalog_columns", "lineage_nodes", "lineage_edges", "query_logs", "support_tickets");
    assertThat(manifest.groundTruth()).extracting(OutputStats::name).containsExactlyInAnyOrder(
        "conflicts", "needles", "schema_changes", "lineage_facts", "zombie_tables", "pii_locations",
        "pii_decoys", "pii_columns");
    for (OutputStats stats : Stream.concat(manifest.tables().stream(), manifest.groundTruth().stream()).toList()) {
      Dataset<Row> written = SharedSpark.get().read().parquet(stats.path());
      assertThat(written.count()).as(stats.name()).isEqualTo(stats.rows());
      assertThat(Checksum.of(written)).as(stats.name()).isEqualTo(stats.checksum());
      assertThat(stats.bytes()).as(stats.name()).isPositive();
      assertThat(stats.files()).as(stats.name()).isPositive();
    }
    long bytes = Stream.concat(manifest.tables().stream(), manifest.groundTruth().stream()).mapToLong(OutputStats::bytes).sum();
    assertThat(manifest.totalBytes()).isEqualTo(bytes);
    assertThat(manifest.totalRows()).isEqualTo(manifest.tables().stream().mapToLong(OutputStats::rows).sum());
  }

  @Test
  void tableSizesFollowTheRecordCount() {
    assertThat(manifest.table("orders").rows()).isEqualTo(RECORDS);
    assertThat(manifest.table("customers").rows()).isEqualTo(1_000);
    assertThat(manifest.table("products").rows()).isEqualTo(1_000);
    assertThat(manifest.table("multi_source_entities").rows()).isEqualTo(3 * SIZES.entities());
    assertThat(manifest.table("events").rows()).isEqualTo(SIZES.events());
    assertThat(manifest.table("catalog_tables").rows()).isEqualTo(1_000);
    assertThat(manifest.table("lineage_nodes").rows()).isEqualTo(50_000);
  }

  @Test
  void starSchemaTablesHaveTheSourceColumnsAndTypes() {
    for (TableSpec spec : WarehouseSchema.ALL) {
      List<StructField> fields = List.of(table(lake, spec.name()).schema().fields());
      assertThat(fields).extracting(StructField::name).as(spec.name())
          .isEqualTo(spec.columns().stream().map(ColumnSpec::name).toList());
      assertThat(fields).extracting(StructField::dataType).as(spec.name())
          .isEqualTo(spec.columns().stream().map(ColumnSpec::sparkType).toList());
    }
  }

  @Test
  void everyForeignKeyResolves() {
    Dataset<Row> customers = table(lake, "customers");
    for (String fact : List.of("orders", "events", "support_tickets")) {
      assertThat(table(lake, fact).join(customers, new String[] {"customer_id"}, "left_anti").count()).as(fact).isZero();
    }
    assertThat(customers.select("customer_id").distinct().count()).isEqualTo(customers.count());
    assertThat(table(lake, "orders").select("order_id").distinct().count()).isEqualTo(RECORDS);
    Dataset<Row> nodes = table(lake, "lineage_nodes").select(col("node_id"));
    Dataset<Row> edges = table(lake, "lineage_edges");
    assertThat(edges.join(nodes, edges.col("source_node_id").equalTo(nodes.col("node_id")), "left_anti").count()).isZero();
    assertThat(edges.join(nodes, edges.col("target_node_id").equalTo(nodes.col("node_id")), "left_anti").count()).isZero();
    assertThat(table(lake, "query_logs").join(table(lake, "catalog_tables"), new String[] {"table_id"}, "left_anti").count()).isZero();
  }

  @Test
  void everyEntityHasExactlyOneRowPerSourceAndEveryPlantedConflictIsThere() {
    Dataset<Row> rows = table(lake, "multi_source_entities");
    Row shape = rows.groupBy("entity_id").agg(count("*").as("n"), countDistinct("source").as("sources"))
        .agg(min("n"), max("n"), min("sources"), count("*")).first();
    assertThat(shape.getLong(0)).isEqualTo(3);
    assertThat(shape.getLong(1)).isEqualTo(3);
    assertThat(shape.getLong(2)).isEqualTo(3);
    assertThat(shape.getLong(3)).isEqualTo(SIZES.entities());

    Dataset<Row> conflicts = groundTruth(lake, "conflicts");
    Dataset<Row> flagged = rows.where(col("has_conflict")).select("entity_id").distinct();
    assertThat(conflicts.join(rows, new String[] {"entity_id"}, "left_anti").count()).isZero();
    assertThat(flagged.join(conflicts, new String[] {"entity_id"}, "left_anti").count()).isZero();
    assertThat(conflicts.count()).isEqualTo(flagged.count());
  }

  @Test
  void conflictRateIsWithinOnePercentagePointOfTheRequestedRate() {
    Dataset<Row> rows = table(lake, "multi_source_entities");
    long entities = rows.select("entity_id").distinct().count();
    long conflicting = rows.where(col("has_conflict")).select("entity_id").distinct().count();

    assertThat(entities).isGreaterThanOrEqualTo(10_000);
    assertThat((double) conflicting / entities).isCloseTo(CONFLICT_RATE, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void conflictingEntitiesDisagreeOnExactlyTheRecordedFieldAndOthersAgree() {
    Dataset<Row> perEntity = table(lake, "multi_source_entities").groupBy("entity_id").agg(
        countDistinct("email").as("emails"), countDistinct("phone").as("phones"),
        countDistinct("annual_revenue").as("revenues"), countDistinct("first_name").as("names"),
        max("conflict_type").as("recorded_type"));
    Dataset<Row> joined = perEntity.join(groundTruth(lake, "conflicts"), new String[] {"entity_id"}, "left");
    Column emailConflict = col("field").equalTo("email");
    Column phoneConflict = col("field").equalTo("phone");
    Column revenueConflict = col("field").equalTo("annual_revenue");

    assertThat(joined.where(col("names").notEqual(1)).count()).isZero();
    assertThat(joined.where(col("field").isNull().and(col("recorded_type").isNotNull())).count()).isZero();
    assertThat(joined.where(col("field").isNull().and(
        col("emails").plus(col("phones")).plus(col("revenues")).notEqual(3))).count()).isZero();
    assertThat(joined.where(emailConflict.and(col("emails").notEqual(2).or(col("phones").notEqual(1)))).count()).isZero();
    assertThat(joined.where(phoneConflict.and(col("phones").notEqual(2).or(col("revenues").notEqual(1)))).count()).isZero();
    assertThat(joined.where(revenueConflict.and(col("revenues").notEqual(2).or(col("emails").notEqual(1)))).count()).isZero();
    assertThat(joined.where(col("field").isNotNull().and(col("recorded_type").notEqual(col("conflict_type")))).count()).isZero();
    assertThat(groundTruth(lake, "conflicts").select("field").distinct().count()).isEqualTo(3);
  }

  @Test
  void ordersAreSkewedTowardsFewCustomersAndRiseInTime() {
    Dataset<Row> orders = table(lake, "orders");
    Row perCustomer = orders.groupBy("customer_id").count().agg(max("count"), count("*")).first();
    double average = (double) RECORDS / perCustomer.getLong(1);
    assertThat(perCustomer.getLong(0)).isGreaterThan((long) (20 * average));

    Row early = orders.where(col("order_id").lt("ORD-000000010000")).agg(max("order_timestamp")).first();
    Row late = orders.where(col("order_id").geq("ORD-000000090000")).agg(min("order_timestamp")).first();
    assertThat(early.getTimestamp(0)).isBefore(late.getTimestamp(0));
    Row range = orders.agg(min("order_timestamp"), max("order_timestamp")).first();
    assertThat(range.getTimestamp(0).toInstant()).isAfterOrEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    assertThat(range.getTimestamp(1).toInstant()).isBefore(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Test
  void everyPlantedPiiValueIsInItsTicketAndCardsPassLuhnWhileDecoysFail() {
    Dataset<Row> tickets = table(lake, "support_tickets").select(col("ticket_id").cast("string").as("row_key"), col("body"));
    Dataset<Row> pii = groundTruth(lake, "pii_locations");
    Dataset<Row> decoys = groundTruth(lake, "pii_decoys");
    assertThat(pii.count()).isGreaterThan(SIZES.supportTickets() / 4);
    assertThat(decoys.count()).isGreaterThan(SIZES.supportTickets() / 6);
    for (Dataset<Row> planted : List.of(pii, decoys)) {
      Dataset<Row> located = planted.join(tickets, new String[] {"row_key"});
      assertThat(located.count()).isEqualTo(planted.count());
      assertThat(located.where(functions.not(col("body").contains(col("value")))).count()).isZero();
    }
    assertThat(pii.select("pii_type").distinct().as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("email", "phone", "credit_card", "ssn");

    List<String> cards = values(pii.where(col("pii_type").equalTo("credit_card")));
    List<String> badCards = values(decoys.where(col("decoy_type").equalTo("invalid_card")));
    assertThat(cards).hasSizeGreaterThan(50).allMatch(Luhn::isValid).allMatch(c -> c.replaceAll("[ -]", "").length() == 16);
    assertThat(badCards).hasSizeGreaterThan(20).noneMatch(Luhn::isValid);

    List<String> ssns = values(pii.where(col("pii_type").equalTo("ssn")));
    assertThat(ssns).hasSizeGreaterThan(20).allMatch(GeneratedLakeTest::isPlausibleSsn);
    assertThat(values(decoys.where(col("decoy_type").equalTo("invalid_ssn")))).hasSizeGreaterThan(20)
        .allMatch(s -> s.matches("\\d{3}-\\d{2}-\\d{4}")).noneMatch(GeneratedLakeTest::isPlausibleSsn);
    assertThat(values(pii.where(col("pii_type").equalTo("email")))).allMatch(e -> e.matches("[a-z]+\\.[a-z]+\\d+@[a-z.]+"));
  }

  @Test
  void needlesAreUniqueAndWhereTheGroundTruthSays() {
    List<Row> needles = groundTruth(lake, "needles").collectAsList();
    Dataset<Row> events = table(lake, "events");
    assertThat(needles).hasSize(8);
    for (Row needle : needles) {
      List<Row> hits = events.where(col("payload").contains(needle.getAs("marker"))).select("event_id").collectAsList();
      assertThat(hits).hasSize(1);
      assertThat(Long.toString(hits.get(0).getLong(0))).isEqualTo(needle.getAs("row_key"));
    }
    assertThat(events.where(col("payload").contains("NEEDLE-")).count()).isEqualTo(8);
  }

  @Test
  void zombieTablesAreUnusedAndEveryOtherTableIsRecentlyQueried() {
    Dataset<Row> logs = table(lake, "query_logs");
    Dataset<Row> zombies = groundTruth(lake, "zombie_tables");
    Dataset<Row> lastAccess = logs.groupBy("table_id").agg(max("query_time").as("last"));
    Instant asOf = Instant.parse("2025-01-01T00:00:00Z");

    assertThat(zombies.count()).isEqualTo(300);
    assertThat(zombies.where(col("zombie_kind").equalTo("never_accessed"))
        .join(logs, new String[] {"table_id"}).count()).isZero();
    List<Row> stale = zombies.where(col("zombie_kind").equalTo("stale")).join(lastAccess, new String[] {"table_id"}).collectAsList();
    assertThat(stale).hasSize(150).allSatisfy(r -> {
      assertThat(r.<Timestamp>getAs("last")).isEqualTo(r.<Timestamp>getAs("last_access_time"));
      assertThat(r.<Timestamp>getAs("last").toInstant()).isBefore(asOf.minus(Duration.ofDays(180)));
    });
    Dataset<Row> active = table(lake, "catalog_tables").join(zombies, new String[] {"table_id"}, "left_anti");
    assertThat(active.count()).isEqualTo(700);
    assertThat(active.join(lastAccess, new String[] {"table_id"})
        .where(col("last").geq(Timestamp.from(asOf.minus(Duration.ofDays(30))))).count()).isEqualTo(700);
  }

  @Test
  void lineageIsALayeredDagAndTheProbeFactsMatchTheEdges() {
    Dataset<Row> nodes = table(lake, "lineage_nodes");
    Dataset<Row> edges = table(lake, "lineage_edges");
    Dataset<Row> layered = edges
        .join(nodes.select(col("node_id").as("source_node_id"), col("layer").as("source_layer")), "source_node_id")
        .join(nodes.select(col("node_id").as("target_node_id"), col("layer").as("target_layer")), "target_node_id");
    assertThat(layered.where(col("source_layer").plus(1).notEqual(col("target_layer"))).count()).isZero();
    assertThat(edges.select("source_node_id", "target_node_id").distinct().count()).isEqualTo(edges.count());

    List<Row> facts = groundTruth(lake, "lineage_facts").collectAsList();
    assertThat(facts).hasSize(25);
    for (Row fact : facts) {
      long node = fact.getAs("node_id");
      assertThat(edges.where(col("target_node_id").equalTo(node)).count()).isEqualTo((long) fact.<Integer>getAs("direct_parents"));
      assertThat(edges.where(col("source_node_id").equalTo(node)).count()).isEqualTo((long) fact.<Integer>getAs("direct_children"));
    }
    assertThat(facts).filteredOn(f -> f.<Integer>getAs("layer") == 4)
        .allSatisfy(f -> assertThat(f.<Integer>getAs("upstream_sources")).isPositive());
  }

  private static List<String> values(Dataset<Row> located) {
    return located.select("value").as(Encoders.STRING()).collectAsList();
  }

  private static boolean isPlausibleSsn(String ssn) {
    if (!ssn.matches("\\d{3}-\\d{2}-\\d{4}")) {
      return false;
    }
    int area = Integer.parseInt(ssn.substring(0, 3));
    return area != 0 && area != 666 && area < 900 && !ssn.substring(4, 6).equals("00") && !ssn.endsWith("0000");
  }
}
