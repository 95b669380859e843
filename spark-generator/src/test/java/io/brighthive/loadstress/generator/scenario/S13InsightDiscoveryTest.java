package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.SharedSpark;
import io.brighthive.loadstress.generator.TestLakes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S13InsightDiscoveryTest {

  @Test
  void findsThePlantedCorrelationsAndBurstsAndNothingElse() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S13");

    assertThat(outcome.verdict()).as("%s", outcome.result()).isEqualTo("Passed");
    assertThat(outcome.details().path("planted").size()).isEqualTo(3 + 3 + 1);
    assertThat(outcome.details().path("found")).isEqualTo(outcome.details().path("planted"));
    assertThat(outcome.details().path("unexpected").size()).isZero();
    assertThat(outcome.details().path("correlations").path("num_employees~orders_count").asDouble()).isBetween(-0.5, 0.5);
  }

  @Test
  void ticketsThatNoLongerFollowTheCustomerSkewLoseTheirCorrelations(@TempDir Path dir) throws IOException {
    Path lake = ScenarioLakes.copy(dir);
    long customers = TestLakes.table(lake, "customers").count();
    Path tickets = lake.resolve("warehouse/support_tickets");
    Path rewritten = dir.resolve("support_tickets");
    TestLakes.table(lake, "support_tickets")
        .withColumn("customer_id", concat(lit("CUST-"),
            lpad(pmod(xxhash64(col("ticket_id"), lit(7L)), lit(customers)).cast("string"), 8, "0")))
        .write().parquet(rewritten.toString());
    try (Stream<Path> old = Files.walk(tickets)) {
      old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.move(rewritten, tickets);
    SharedSpark.get().catalog().clearCache();

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S13", Map.of(), Map.of());

    assertThat(outcome.details().path("missed").toString())
        .contains("correlation:orders_count~tickets_count", "correlation:events_count~tickets_count");
    assertThat(outcome.actual("recall")).isEqualTo(5 / 7.0, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(outcome.slo("recall").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
