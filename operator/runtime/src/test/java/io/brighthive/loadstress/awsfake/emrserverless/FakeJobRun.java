package io.brighthive.loadstress.awsfake.emrserverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.awsfake.FakeAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One job run, as a test's {@link FakeEmrServerless#onJobRun} hook sees it when the run is about to end: what was
 * submitted (job driver, arguments, configuration overrides, log location, tags) and, through {@link #fail}, a way
 * to make it end FAILED. The hook runs under the fake's lock: use other fakes' out-of-band helpers (e.g.
 * {@code FakeS3.putObjectOutOfBand}) from it, not SDK calls to this fake.
 */
public final class FakeJobRun {

  static final String CREATED_BY = "arn:aws:iam::" + FakeAws.ACCOUNT_ID + ":user/test";

  final String id;
  final Application application;
  final String arn;
  final String clientToken;
  final ObjectNode request;
  final Instant createdAt;
  final Duration duration;
  volatile String state = "SUBMITTED";
  volatile String stateDetails = "";
  Instant updatedAt;
  Instant startedAt;
  Instant endedAt;
  String failure;
  double[] total;
  double[] billed;

  FakeJobRun(String id, Application application, String clientToken, ObjectNode request, Instant createdAt,
      Duration duration) {
    this.id = id;
    this.application = application;
    this.arn = application.arn + "/jobruns/" + id;
    this.clientToken = clientToken;
    this.request = request.deepCopy();
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.duration = duration;
  }

  public String jobRunId() {
    return id;
  }

  public String applicationId() {
    return application.id;
  }

  public String name() {
    return request.path("name").asText(null);
  }

  public String clientToken() {
    return clientToken;
  }

  public String state() {
    return state;
  }

  public String executionRoleArn() {
    return request.path("executionRoleArn").asText(null);
  }

  /** The submitted jobDriver (a copy). */
  public JsonNode jobDriver() {
    return request.path("jobDriver").deepCopy();
  }

  public String entryPoint() {
    return request.path("jobDriver").path("sparkSubmit").path("entryPoint").asText(null);
  }

  public List<String> entryPointArguments() {
    List<String> out = new ArrayList<>();
    request.path("jobDriver").path("sparkSubmit").path("entryPointArguments").forEach(a -> out.add(a.asText()));
    return out;
  }

  /** The argument after {@code flag} in entryPointArguments (e.g. {@code --output}), or null. */
  public String argument(String flag) {
    List<String> args = entryPointArguments();
    int at = args.indexOf(flag);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
  }

  public String sparkSubmitParameters() {
    return request.path("jobDriver").path("sparkSubmit").path("sparkSubmitParameters").asText(null);
  }

  /** The submitted configurationOverrides (a copy; empty object when none). */
  public JsonNode configurationOverrides() {
    return request.path("configurationOverrides").isObject() ? request.get("configurationOverrides").deepCopy()
        : EmrJson.object();
  }

  /** configurationOverrides.monitoringConfiguration.s3MonitoringConfiguration.logUri, or null. */
  public String logUri() {
    return request.path("configurationOverrides").path("monitoringConfiguration")
        .path("s3MonitoringConfiguration").path("logUri").asText(null);
  }

  public Map<String, String> tags() {
    return EmrJson.stringMap(request.path("tags"));
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** From the hook: the run ends FAILED with these state details instead of SUCCESS. */
  public void fail(String stateDetails) {
    this.failure = stateDetails;
  }

  boolean isTerminal() {
    return state.equals("SUCCESS") || state.equals("FAILED") || state.equals("CANCELLED");
  }

  boolean isActive() {
    return !isTerminal();
  }

  void state(String next, Instant at, String details) {
    state = next;
    updatedAt = at;
    if (details != null) {
      stateDetails = details;
    }
    if (next.equals("RUNNING")) {
      startedAt = at;
    }
  }

  /** Terminal: sets endedAt and the resource utilization of the time spent RUNNING. */
  void end(String terminal, Instant at, String details) {
    state(terminal, at, details);
    endedAt = at;
    double seconds = startedAt == null ? 0 : Math.max(0, Duration.between(startedAt, at).toMillis() / 1000.0);
    double[] workers = application.workerResources();
    double hours = seconds / 3600;
    total = new double[] {round(workers[0] * hours), round(workers[1] * hours), round(workers[2] * hours)};
    double billedHours = startedAt == null ? 0 : Math.max(seconds, 60) / 3600;
    double extraDisk = Math.max(0, workers[2] - 20.0 * application.workerCount());
    billed = new double[] {round(workers[0] * billedHours), round(workers[1] * billedHours),
        round(extraDisk * billedHours)};
  }

  long executionSeconds() {
    return startedAt == null || endedAt == null ? 0
        : (long) Math.ceil(Duration.between(startedAt, endedAt).toMillis() / 1000.0);
  }

  private static double round(double value) {
    return Math.round(value * 1_000_000d) / 1_000_000d;
  }

  ObjectNode toJson() {
    ObjectNode out = EmrJson.object().put("applicationId", application.id).put("jobRunId", id).put("arn", arn)
        .put("createdBy", CREATED_BY).put("createdAt", EmrJson.time(createdAt))
        .put("updatedAt", EmrJson.time(updatedAt)).put("executionRole", executionRoleArn()).put("state", state)
        .put("stateDetails", stateDetails).put("releaseLabel", application.releaseLabel)
        .put("mode", request.path("mode").asText("BATCH")).put("attempt", 1)
        .put("attemptCreatedAt", EmrJson.time(createdAt)).put("attemptUpdatedAt", EmrJson.time(updatedAt))
        .put("executionTimeoutMinutes", request.path("executionTimeoutMinutes").asLong(720));
    if (name() != null) {
      out.put("name", name());
    }
    out.set("jobDriver", jobDriver());
    if (request.has("configurationOverrides")) {
      out.set("configurationOverrides", configurationOverrides());
    }
    out.set("tags", EmrJson.tags(tags()));
    if (application.networkConfiguration != null) {
      out.set("networkConfiguration", application.networkConfiguration.deepCopy());
    }
    if (startedAt != null) {
      out.put("startedAt", EmrJson.time(startedAt));
    }
    if (endedAt != null) {
      out.put("endedAt", EmrJson.time(endedAt)).put("totalExecutionDurationSeconds", executionSeconds());
      out.putObject("totalResourceUtilization").put("vCPUHour", total[0]).put("memoryGBHour", total[1])
          .put("storageGBHour", total[2]);
      out.putObject("billedResourceUtilization").put("vCPUHour", billed[0]).put("memoryGBHour", billed[1])
          .put("storageGBHour", billed[2]);
    }
    return out;
  }

  ObjectNode summary() {
    ObjectNode out = EmrJson.object().put("applicationId", application.id).put("id", id).put("arn", arn)
        .put("createdBy", CREATED_BY).put("createdAt", EmrJson.time(createdAt))
        .put("updatedAt", EmrJson.time(updatedAt)).put("executionRole", executionRoleArn()).put("state", state)
        .put("stateDetails", stateDetails).put("releaseLabel", application.releaseLabel)
        .put("type", application.type).put("mode", request.path("mode").asText("BATCH")).put("attempt", 1);
    if (name() != null) {
      out.put("name", name());
    }
    return out;
  }
}
