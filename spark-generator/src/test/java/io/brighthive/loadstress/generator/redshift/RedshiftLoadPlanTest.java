package io.brighthive.loadstress.generator.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.generator.data.ColumnSpec;
import io.brighthive.loadstress.generator.data.WarehouseSchema;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedshiftLoadPlanTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/lse-redshift-copy";
  private static final Set<String> ALL = Set.of("customers", "products", "orders", "multi_source_entities", "events");

  private static RedshiftLoadPlan plan(String lake, String schema, Set<String> tables) {
    return RedshiftLoadPlan.forLake(URI.create(lake), ROLE, schema, tables);
  }

  @Test
  void dropsFactsFirstCreatesDimensionsFirstThenCopiesAndAnalyzes() {
    List<String> sql = plan("s3://lake-bucket/envs/dev", "public", ALL).statements();

    assertThat(sql).hasSize(18);
    assertThat(sql.subList(0, 4)).containsExactly(
        "DROP TABLE IF EXISTS public.multi_source_entities",
        "DROP TABLE IF EXISTS public.orders",
        "DROP TABLE IF EXISTS public.products",
        "DROP TABLE IF EXISTS public.customers");
    assertThat(sql.subList(4, 8)).allMatch(s -> s.startsWith("CREATE TABLE public."));
    assertThat(sql.get(4)).startsWith("CREATE TABLE public.customers (").endsWith(") DISTSTYLE ALL SORTKEY (customer_id)");
    assertThat(sql.get(5)).endsWith(") DISTSTYLE ALL SORTKEY (category, product_id)");
    assertThat(sql.get(6)).startsWith("CREATE TABLE public.orders (")
        .contains("  order_amount DECIMAL(24,2) NOT NULL,\n")
        .contains("  FOREIGN KEY (customer_id) REFERENCES public.customers (customer_id)")
        .endsWith(") DISTSTYLE KEY DISTKEY (customer_id) SORTKEY (order_timestamp, customer_id)");
    assertThat(sql.get(7)).contains("  PRIMARY KEY (record_id, source)")
        .endsWith(") DISTSTYLE KEY DISTKEY (entity_id) SORTKEY (entity_id, source, last_updated)");
    assertThat(sql.get(10)).isEqualTo("COPY public.orders FROM 's3://lake-bucket/envs/dev/warehouse/orders/' "
        + "IAM_ROLE 'arn:aws:iam::123456789012:role/lse-redshift-copy' FORMAT AS PARQUET");
    assertThat(sql.subList(12, 18)).containsExactly(
        "ANALYZE public.customers", "ANALYZE public.products", "ANALYZE public.orders",
        "ANALYZE public.multi_source_entities",
        "VACUUM SORT ONLY public.orders", "VACUUM SORT ONLY public.multi_source_entities");
  }

  @Test
  void columnsFollowTheParquetColumnOrderBecauseCopyIsPositional() {
    String create = plan("s3://b", "public", ALL).statements().get(4);
    List<String> declared = WarehouseSchema.CUSTOMERS.columns().stream().map(ColumnSpec::name).toList();
    List<String> inDdl = create.lines().skip(1)
        .map(String::trim)
        .filter(l -> !l.startsWith("PRIMARY") && !l.startsWith(")"))
        .map(l -> l.substring(0, l.indexOf(' ')))
        .toList();
    assertThat(inDdl).isEqualTo(declared);
    assertThat(create).contains("  customer_id VARCHAR(20) NOT NULL,\n  company_name VARCHAR(200) NOT NULL,\n");
    assertThat(create).contains("  lifetime_value DECIMAL(38,6),\n");
  }

  @Test
  void loadsOnlyTheGeneratedTablesIntoANamedSchema() {
    RedshiftLoadPlan plan = plan("s3a://b/lake/", "stress", Set.of("orders"));

    assertThat(plan.tables()).containsExactly("orders");
    assertThat(plan.statements()).containsExactly(
        "CREATE SCHEMA IF NOT EXISTS stress",
        "DROP TABLE IF EXISTS stress.orders",
        plan.statements().get(2),
        "COPY stress.orders FROM 's3://b/lake/warehouse/orders/' IAM_ROLE '" + ROLE + "' FORMAT AS PARQUET",
        "ANALYZE stress.orders",
        "VACUUM SORT ONLY stress.orders");
    assertThat(plan.statements().get(2)).doesNotContain("FOREIGN KEY");
  }

  @Test
  void copyNeedsAnS3Lake() {
    assertThat(RedshiftLoadPlan.canCopyFrom(URI.create("file:/tmp/lake"))).isFalse();
    assertThat(RedshiftLoadPlan.canCopyFrom(URI.create("/tmp/lake"))).isFalse();
    assertThat(RedshiftLoadPlan.canCopyFrom(URI.create("s3://bucket/lake"))).isTrue();
    assertThatThrownBy(() -> plan("file:/tmp/lake", "public", ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only from S3");
  }

  @Test
  void quotesLiterals() {
    String copy = RedshiftLoadPlan.forLake(URI.create("s3://b/it's"), "arn:aws:iam::1:role/o'k", "public", Set.of("orders"))
        .statements().get(2);
    assertThat(copy).contains("FROM 's3://b/it''s/warehouse/orders/'").contains("IAM_ROLE 'arn:aws:iam::1:role/o''k'");
  }
}
