package io.brighthive.loadstress.awsfake.emrserverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.awsfake.FakeAws;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One EMR Serverless application. Mutated under the fake's lock. */
final class Application {

  final String id;
  final String arn;
  final Instant createdAt;
  String name;
  String releaseLabel = "emr-7.5.0";
  String type = "SPARK";
  String architecture = "X86_64";
  String state = "CREATING";
  String stateDetails;
  Instant updatedAt;
  boolean autoStart = true;
  boolean autoStop = true;
  int idleTimeoutMinutes = 15;
  /** The last instant the application was started or a job run of it ended (for auto-stop). */
  Instant lastActivity;
  JsonNode initialCapacity;
  JsonNode maximumCapacity;
  JsonNode networkConfiguration;
  JsonNode monitoringConfiguration;
  Map<String, String> tags = new LinkedHashMap<>();
  String clientToken;

  Application(String id, String region, Instant createdAt) {
    this.id = id;
    this.arn = "arn:aws:emr-serverless:" + region + ":" + FakeAws.ACCOUNT_ID + ":/applications/" + id;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.lastActivity = createdAt;
  }

  void state(String next, Instant at, String details) {
    state = next;
    stateDetails = details;
    updatedAt = at;
  }

  /** Reads the CreateApplication body (also the shape of the CloudFormation properties, lower-camel-cased). */
  void configure(JsonNode request) {
    name = request.path("name").asText(name);
    releaseLabel = request.path("releaseLabel").asText(releaseLabel);
    type = request.path("type").asText(type);
    architecture = request.path("architecture").asText(architecture);
    autoStart = request.path("autoStartConfiguration").path("enabled").asBoolean(true);
    autoStop = request.path("autoStopConfiguration").path("enabled").asBoolean(true);
    idleTimeoutMinutes = request.path("autoStopConfiguration").path("idleTimeoutMinutes").asInt(15);
    initialCapacity = present(request.get("initialCapacity"));
    maximumCapacity = present(request.get("maximumCapacity"));
    networkConfiguration = present(request.get("networkConfiguration"));
    monitoringConfiguration = present(request.get("monitoringConfiguration"));
    if (request.has("tags")) {
      tags = EmrJson.stringMap(request.get("tags"));
    }
  }

  private static JsonNode present(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.deepCopy();
  }

  ObjectNode toJson() {
    ObjectNode out = EmrJson.object().put("applicationId", id).put("arn", arn).put("releaseLabel", releaseLabel)
        .put("type", type).put("state", state).put("architecture", architecture);
    out.put("name", name);
    if (stateDetails != null) {
      out.put("stateDetails", stateDetails);
    }
    out.put("createdAt", EmrJson.time(createdAt)).put("updatedAt", EmrJson.time(updatedAt));
    out.putObject("autoStartConfiguration").put("enabled", autoStart);
    out.putObject("autoStopConfiguration").put("enabled", autoStop).put("idleTimeoutMinutes", idleTimeoutMinutes);
    putIf(out, "initialCapacity", initialCapacity);
    putIf(out, "maximumCapacity", maximumCapacity);
    putIf(out, "networkConfiguration", networkConfiguration);
    putIf(out, "monitoringConfiguration", monitoringConfiguration);
    out.set("tags", EmrJson.tags(tags));
    return out;
  }

  ObjectNode summary() {
    ObjectNode out = EmrJson.object().put("id", id).put("arn", arn).put("releaseLabel", releaseLabel)
        .put("type", type).put("state", state).put("architecture", architecture);
    out.put("name", name);
    if (stateDetails != null) {
      out.put("stateDetails", stateDetails);
    }
    return out.put("createdAt", EmrJson.time(createdAt)).put("updatedAt", EmrJson.time(updatedAt));
  }

  private static void putIf(ObjectNode out, String field, JsonNode value) {
    if (value != null) {
      out.set(field, value.deepCopy());
    }
  }

  /** Sum over the initial capacity's workers: {vCPU, memory GB, disk GB}; 3 workers of 4/16/20 if unset. */
  double[] workerResources() {
    if (initialCapacity == null || initialCapacity.isEmpty()) {
      return new double[] {12, 48, 60};
    }
    double[] total = new double[3];
    initialCapacity.fields().forEachRemaining(e -> {
      JsonNode config = e.getValue();
      int count = config.path("workerCount").asInt(1);
      JsonNode worker = config.path("workerConfiguration");
      total[0] += count * number(worker.path("cpu").asText("4vCPU"));
      total[1] += count * number(worker.path("memory").asText("16GB"));
      total[2] += count * number(worker.path("disk").asText("20GB"));
    });
    return total;
  }

  int workerCount() {
    if (initialCapacity == null || initialCapacity.isEmpty()) {
      return 3;
    }
    int[] n = {0};
    initialCapacity.fields().forEachRemaining(e -> n[0] += e.getValue().path("workerCount").asInt(1));
    return Math.max(1, n[0]);
  }

  private static double number(String size) {
    String digits = size.replaceAll("[^0-9.]", "");
    return digits.isEmpty() ? 0 : Double.parseDouble(digits);
  }
}
