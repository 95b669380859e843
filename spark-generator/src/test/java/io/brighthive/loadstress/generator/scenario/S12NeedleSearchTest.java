package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.SharedSpark;
import io.brighthive.loadstress.generator.TestLakes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S12NeedleSearchTest {

  @Test
  void locatesEveryPlantedNeedleAndNoDecoyAndExtrapolates() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S12");

    assertThat(outcome.verdict()).as("%s", outcome.result()).isEqualTo("Passed");
    assertThat(outcome.actual("needlesFound")).isEqualTo(1.0);
    assertThat(outcome.actual("falseMatches")).isZero();
    assertThat(outcome.details().path("needlesLocated").asInt()).isEqualTo(8);
    assertThat(outcome.details().path("decoysFound").asInt()).isZero();
    for (Row needle : TestLakes.groundTruth(ScenarioLakes.shared(), "needles").collectAsList()) {
      assertThat(outcome.details().path("locations").toString())
          .contains("events/" + needle.getAs("row_key") + "/payload/" + needle.getAs("marker"));
    }
    assertThat(outcome.details().path("recordsScreened").asLong())
        .isEqualTo(outcome.result().path("recordsProcessed").asLong())
        .isGreaterThan(ScenarioLakes.RECORDS);
    double perCore = outcome.details().path("extrapolation").path("recordsPerSecondPerCore").asDouble();
    assertThat(outcome.details().path("extrapolation").path("secondsFor1TrillionRecords").asDouble())
        .isCloseTo(1e12 / (perCore * 320), org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void aNeedleRemovedFromTheDataIsMissedAndTheVerdictTurns(@TempDir Path dir) throws IOException {
    Path lake = ScenarioLakes.copy(dir);
    Row first = TestLakes.groundTruth(lake, "needles").orderBy("row_key").first();
    long eventId = Long.parseLong(first.getAs("row_key"));
    Path events = lake.resolve("warehouse/events");
    Path rewritten = dir.resolve("events");
    TestLakes.table(lake, "events")
        .withColumn("payload", when(col("event_id").equalTo(eventId),
            regexp_replace(col("payload"), ",\"trace\":\"NEEDLE-[0-9a-f]+\"", "")).otherwise(col("payload")))
        .write().parquet(rewritten.toString());
    try (Stream<Path> old = Files.walk(events)) {
      old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.move(rewritten, events);
    SharedSpark.get().catalog().clearCache();

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S12", Map.of(), Map.of());

    assertThat(outcome.details().path("needlesLocated").asInt()).isEqualTo(7);
    assertThat(outcome.actual("needlesFound")).isEqualTo(7 / 8.0);
    assertThat(outcome.slo("needlesFound").path("verdict").asText()).isEqualTo("Failed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
