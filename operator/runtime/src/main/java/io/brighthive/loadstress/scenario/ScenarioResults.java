package io.brighthive.loadstress.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighthive.loadstress.api.scenario.LatencyMs;
import io.brighthive.loadstress.api.scenario.ScenarioResult;
import io.brighthive.loadstress.api.scenario.SloResult;
import io.brighthive.loadstress.api.scenario.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a scenario result file (spark-generator's schema version 1) into the ScenarioRun status shape. */
public final class ScenarioResults {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int SUPPORTED_VERSION = 1;

  private ScenarioResults() {}

  /** The result; an {@link IllegalArgumentException} whose message names what is wrong when the file does not follow the schema. */
  static ScenarioResult parse(byte[] content, String expectedScenario) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (IOException e) {
      throw new IllegalArgumentException("the result is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the result is not a JSON object");
    }
    int version = root.path("resultVersion").asInt(-1);
    if (version != SUPPORTED_VERSION) {
      throw new IllegalArgumentException("the result has resultVersion " + root.path("resultVersion") + "; this operator reads "
          + SUPPORTED_VERSION);
    }
    if (!expectedScenario.equals(root.path("scenario").asText())) {
      throw new IllegalArgumentException("the result is for scenario " + root.path("scenario").asText() + ", not " + expectedScenario);
    }
    ScenarioResult result = new ScenarioResult();
    result.setVerdict(verdict(root.path("verdict").asText()));
    result.setRecordsProcessed(root.path("recordsProcessed").isNumber() ? root.path("recordsProcessed").asLong() : null);
    result.setBytesScanned(root.path("bytesScanned").isNumber() ? root.path("bytesScanned").asLong() : null);
    result.setThroughputPerSecond(number(root.path("throughputPerSecond")));
    JsonNode latency = root.path("latencyMs");
    if (latency.isObject()) {
      LatencyMs ms = new LatencyMs();
      ms.setP50(number(latency.path("p50")));
      ms.setP95(number(latency.path("p95")));
      ms.setP99(number(latency.path("p99")));
      ms.setMax(number(latency.path("max")));
      result.setLatencyMs(ms);
    }
    List<SloResult> slos = new ArrayList<>();
    for (JsonNode node : root.path("slos")) {
      SloResult slo = new SloResult();
      slo.setName(node.path("name").asText());
      slo.setComparator(node.path("comparator").asText());
      slo.setTarget(number(node.path("target")));
      slo.setActual(number(node.path("actual")));
      slo.setUnit(node.path("unit").asText(null));
      slo.setVerdict(verdict(node.path("verdict").asText()));
      slos.add(slo);
    }
    result.setSlos(slos);
    return result;
  }

  private static Verdict verdict(String text) {
    try {
      return Verdict.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the result's verdict is '" + text + "', not Passed or Failed");
    }
  }

  private static Double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : null;
  }

  /** "p95LatencyMs 812 <= 3000 ms" for each SLO, for messages and events. */
  public static String summary(ScenarioResult result) {
    List<String> parts = new ArrayList<>();
    for (SloResult slo : result.getSlos()) {
      parts.add(slo.getName() + " " + plain(slo.getActual()) + " " + slo.getComparator() + " " + plain(slo.getTarget())
          + (slo.getVerdict() == Verdict.Passed ? "" : " (missed)"));
    }
    return String.join(", ", parts);
  }

  static String plain(Double value) {
    if (value == null) {
      return "n/a";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString(value.longValue());
    }
    return String.format(java.util.Locale.ROOT, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
