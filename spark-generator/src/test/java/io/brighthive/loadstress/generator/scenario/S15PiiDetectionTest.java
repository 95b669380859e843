package io.brighthive.loadstress.generator.scenario;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.SharedSpark;
import io.brighthive.loadstress.generator.TestLakes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S15PiiDetectionTest {

  @Test
  void findsEveryPlantedValueAndNoDecoy() {
    ScenarioLakes.Outcome outcome = ScenarioLakes.run("S15");
    long planted = TestLakes.groundTruth(ScenarioLakes.shared(), "pii_locations").count();

    assertThat(outcome.verdict()).isEqualTo("Passed");
    assertThat(outcome.details().path("plantedValues").asLong()).isEqualTo(planted).isPositive();
    assertThat(outcome.details().path("truePositives").asLong()).isEqualTo(planted);
    assertThat(outcome.details().path("falsePositives").asLong()).isZero();
    assertThat(outcome.details().path("decoysFlagged").asLong()).isZero();
    assertThat(outcome.details().path("structuredColumns").path("flagged").toString())
        .contains("multi_source_entities.email:email", "multi_source_entities.phone:phone");
    assertThat(outcome.details().path("structuredColumns").path("recall").asDouble()).isEqualTo(1.0);
    assertThat(outcome.details().path("tablesScanned").asInt()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void plantedValuesMissingFromTheGroundTruthCountAgainstPrecision(@TempDir Path dir) throws IOException {
    Path lake = ScenarioLakes.copy(dir);
    Path truth = lake.resolve("ground_truth/pii_locations");
    Path withoutSsns = dir.resolve("pii_locations");
    TestLakes.groundTruth(lake, "pii_locations").where(col("pii_type").notEqual("ssn"))
        .write().parquet(withoutSsns.toString());
    try (Stream<Path> old = Files.walk(truth)) {
      old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.move(withoutSsns, truth);
    SharedSpark.get().catalog().clearCache();

    ScenarioLakes.Outcome outcome = ScenarioLakes.run(lake, "S15", Map.of(), Map.of());

    assertThat(outcome.details().path("falsePositivesByType").path("ssn").asLong()).isPositive();
    assertThat(outcome.details().path("falsePositivesByType").has("email")).isFalse();
    assertThat(outcome.actual("precision")).isLessThan(0.9);
    assertThat(outcome.slo("recall").path("verdict").asText()).isEqualTo("Passed");
    assertThat(outcome.verdict()).isEqualTo("Failed");
  }
}
