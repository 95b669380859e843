package io.brighthive.loadstress.generator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioCatalog;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioDefinition;
import java.util.List;

/** Checks a result file against schema version 1 (spark-generator/README.md, "Scenario results"). */
public final class ResultSchema {

  private static final List<String> FIELDS = List.of("resultVersion", "scenario", "title", "verdict", "parameters", "slos",
      "startedAt", "finishedAt", "durationSeconds", "recordsProcessed", "bytesScanned", "throughputPerSecond", "latencyMs",
      "engine", "lake", "details");

  private ResultSchema() {}

  public static void check(JsonNode result) {
    assertThat(result.fieldNames()).toIterable().containsExactlyElementsOf(FIELDS);
    assertThat(result.path("resultVersion").asInt()).isEqualTo(1);
    ScenarioDefinition definition = ScenarioCatalog.get(result.path("scenario").asText());
    assertThat(result.path("title").asText()).isEqualTo(definition.title());
    assertThat(result.path("verdict").asText()).isIn("Passed", "Failed");
    assertThat(result.path("parameters").size()).isEqualTo(definition.parameters().size());
    assertThat(result.path("slos").size()).isEqualTo(definition.slos().size());
    boolean allPassed = true;
    for (JsonNode slo : result.path("slos")) {
      assertThat(slo.path("comparator").asText()).isIn("<=", ">=");
      assertThat(slo.path("verdict").asText()).isIn("Passed", "Failed");
      assertThat(slo.path("actual").isNumber()).as("SLO %s has a measured actual", slo.path("name").asText()).isTrue();
      allPassed &= "Passed".equals(slo.path("verdict").asText());
    }
    assertThat(result.path("verdict").asText()).isEqualTo(allPassed ? "Passed" : "Failed");
    assertThat(result.path("recordsProcessed").asLong()).isPositive();
    assertThat(result.path("durationSeconds").asDouble()).isPositive();
    JsonNode latency = result.path("latencyMs");
    if (!latency.isNull()) {
      assertThat(latency.path("count").asInt()).isPositive();
      assertThat(latency.path("p50").asDouble()).isLessThanOrEqualTo(latency.path("p95").asDouble());
      assertThat(latency.path("p95").asDouble()).isLessThanOrEqualTo(latency.path("p99").asDouble());
      assertThat(latency.path("p99").asDouble()).isLessThanOrEqualTo(latency.path("max").asDouble());
    }
    assertThat(result.path("details").isObject()).isTrue();
  }
}
