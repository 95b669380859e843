package io.brighthive.loadstress.awsfake.emrserverless;

import io.brighthive.loadstress.awsfake.Timeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.awsfake.AwsError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Applications, job runs and their asynchronous state machines. Not thread-safe by itself: the fake holds the
 * monitor of this object and calls {@link Timeline#advance()} before every use.
 *
 * <p>An application goes CREATING → CREATED; StartApplication (or a job submitted with auto-start) STARTING →
 * STARTED; StopApplication (or auto-stop after its idle timeout) STOPPING → STOPPED; DeleteApplication TERMINATED.
 * A job run goes SUBMITTED → PENDING → SCHEDULED → RUNNING (at 10, 20 and 30% of its duration, counted from when
 * its application is STARTED) → SUCCESS or FAILED; CancelJobRun CANCELLING → CANCELLED.
 */
final class EmrState {

  static final Duration DEFAULT_TRANSITION = Duration.ofMillis(200);
  static final Duration DEFAULT_RUN = Duration.ofMillis(400);
  static final Duration DEFAULT_IDEMPOTENCY = Duration.ofHours(8);
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z0-9-]*:iam::\\d{12}:role/.+");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Idempotent(String jobRunId, JsonNode fingerprint, Instant at) {
  }

  final Timeline timeline;
  final Map<String, Application> applications = new LinkedHashMap<>();
  final Map<String, FakeJobRun> runs = new LinkedHashMap<>();
  private final Map<String, Idempotent> tokens = new HashMap<>();
  private final List<FakeJobRun> waiting = new ArrayList<>();
  private final Deque<String> failNext = new ArrayDeque<>();
  Duration transition = DEFAULT_TRANSITION;
  Duration runDuration = DEFAULT_RUN;
  Duration idempotencyWindow = DEFAULT_IDEMPOTENCY;
  Consumer<FakeJobRun> hook;
  int started;

  EmrState(Clock clock) {
    this.timeline = new Timeline(clock);
  }

  void reset() {
    applications.clear();
    runs.clear();
    tokens.clear();
    waiting.clear();
    failNext.clear();
    timeline.clear();
    transition = DEFAULT_TRANSITION;
    runDuration = DEFAULT_RUN;
    idempotencyWindow = DEFAULT_IDEMPOTENCY;
    hook = null;
    started = 0;
  }

  static String newId() {
    StringBuilder b = new StringBuilder("00");
    for (int i = 0; i < 14; i++) {
      b.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return b.toString();
  }

  Application require(String id) {
    Application app = applications.get(id);
    if (app == null) {
      throw new AwsError(404, "ResourceNotFoundException", "Application " + id + " does not exist.");
    }
    return app;
  }

  FakeJobRun requireRun(Application app, String jobRunId) {
    FakeJobRun run = runs.get(jobRunId);
    if (run == null || run.application != app) {
      throw new AwsError(404, "ResourceNotFoundException", "Job run " + jobRunId + " does not exist.");
    }
    return run;
  }

  void failNext(String reason) {
    failNext.add(reason);
  }

  // ---- applications ----

  Application create(ObjectNode request, String region) {
    String token = request.path("clientToken").asText(null);
    for (Application app : applications.values()) {
      if (token != null && token.equals(app.clientToken) && !app.state.equals("TERMINATED")) {
        return app;
      }
    }
    if (!request.hasNonNull("releaseLabel") || !request.hasNonNull("type")) {
      throw validation("releaseLabel and type are required.");
    }
    Application app = new Application(newId(), region, timeline.now());
    app.configure(request);
    app.clientToken = token;
    applications.put(app.id, app);
    timeline.at(timeline.now().plus(transition), app, t -> app.state("CREATED", t, null));
    return app;
  }

  void start(Application app) {
    switch (app.state) {
      case "STARTED", "STARTING" -> { }
      case "CREATED", "STOPPED" -> startNow(app);
      default -> throw validation("Application " + app.id + " cannot be started in state " + app.state + ".");
    }
  }

  private void startNow(Application app) {
    app.state("STARTING", timeline.now(), null);
    timeline.at(timeline.now().plus(transition), app, t -> {
      app.state("STARTED", t, null);
      app.lastActivity = t;
      for (FakeJobRun run : List.copyOf(waiting)) {
        if (run.application == app) {
          waiting.remove(run);
          schedule(run, t);
        }
      }
      scheduleAutoStop(app, t);
    });
  }

  /** All scheduled and running jobs must be completed or cancelled before stopping an application. */
  void stop(Application app) {
    switch (app.state) {
      case "STOPPED", "STOPPING", "CREATED" -> { }
      case "STARTED" -> {
        if (runs.values().stream().anyMatch(r -> r.application == app && r.isActive())) {
          throw validation("Application " + app.id + " has job runs that are not complete; cancel them or wait "
              + "for them to finish before stopping the application.");
        }
        stopNow(app);
      }
      default -> throw validation("Application " + app.id + " cannot be stopped in state " + app.state + ".");
    }
  }

  private void stopNow(Application app) {
    app.state("STOPPING", timeline.now(), null);
    timeline.at(timeline.now().plus(transition), app, t -> app.state("STOPPED", t, null));
  }

  /** An application has to be in a stopped or created state in order to be deleted. */
  void delete(Application app) {
    if (!app.state.equals("CREATED") && !app.state.equals("STOPPED")) {
      throw validation("Application " + app.id + " must be in CREATED or STOPPED state to be deleted; it is "
          + app.state + ".");
    }
    terminate(app);
  }

  void terminate(Application app) {
    timeline.cancel(app);
    for (FakeJobRun run : runs.values()) {
      if (run.application == app && run.isActive()) {
        timeline.cancel(run);
        waiting.remove(run);
        run.end("CANCELLED", timeline.now(), "Application terminated");
      }
    }
    app.state("TERMINATED", timeline.now(), null);
  }

  private void scheduleAutoStop(Application app, Instant from) {
    if (!app.autoStop) {
      return;
    }
    timeline.at(from.plus(Duration.ofMinutes(app.idleTimeoutMinutes)), app, t -> {
      boolean idle = runs.values().stream().noneMatch(r -> r.application == app && r.isActive());
      if (app.state.equals("STARTED") && idle && !app.lastActivity.isAfter(from)) {
        app.state("STOPPING", t, "Auto-stopped after " + app.idleTimeoutMinutes + " idle minutes");
        timeline.at(t.plus(transition), app, t2 -> app.state("STOPPED", t2, null));
      }
    });
  }

  // ---- job runs ----

  /** The run of an earlier call with the same clientToken (within the window), or a new one. */
  FakeJobRun submit(Application app, ObjectNode request) {
    String token = request.path("clientToken").asText("");
    if (!TOKEN.matcher(token).matches()) {
      throw validation("1 validation error detected: Value '" + token + "' at 'clientToken' failed to satisfy "
          + "constraint: Member must satisfy regular expression pattern: ^[A-Za-z0-9._-]+$");
    }
    String key = app.id + "/" + token;
    JsonNode fingerprint = EmrJson.without(request, "clientToken");
    Idempotent earlier = tokens.get(key);
    Instant now = timeline.now();
    if (earlier != null && !earlier.at().plus(idempotencyWindow).isBefore(now)) {
      if (earlier.fingerprint().equals(fingerprint)) {
        return runs.get(earlier.jobRunId());
      }
      throw new AwsError(409, "ConflictException", "A job run with client token " + token
          + " was already submitted with different parameters.");
    }
    String role = request.path("executionRoleArn").asText("");
    if (!ROLE_ARN.matcher(role).matches()) {
      throw validation("1 validation error detected: Value '" + role + "' at 'executionRoleArn' failed to satisfy "
          + "constraint: Member must satisfy regular expression pattern: "
          + "^arn:(aws[a-zA-Z0-9-]*):iam::([0-9]{12}):"
          + "(role((\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F))[\\w+=,.@-]+)$");
    }
    boolean startsNow = app.state.equals("STARTED");
    boolean waits = app.state.equals("STARTING");
    boolean autoStarts = (app.state.equals("CREATED") || app.state.equals("STOPPED")) && app.autoStart;
    if (!startsNow && !waits && !autoStarts) {
      throw validation(app.state.equals("CREATED") || app.state.equals("STOPPED")
          ? "Application " + app.id + " is in " + app.state + " state and auto-start is disabled. Start the "
              + "application before submitting job runs."
          : "Application " + app.id + " is in " + app.state + " state and cannot accept job runs.");
    }
    FakeJobRun run = new FakeJobRun(newId(), app, token, request, now, runDuration);
    run.failure = failNext.poll();
    runs.put(run.id, run);
    tokens.put(key, new Idempotent(run.id, fingerprint, now));
    started++;
    if (startsNow) {
      schedule(run, now);
    } else {
      waiting.add(run);
      if (autoStarts) {
        startNow(app);
      }
    }
    return run;
  }

  private void schedule(FakeJobRun run, Instant from) {
    Duration d = run.duration;
    timeline.at(from.plus(d.dividedBy(10)), run, t -> run.state("PENDING", t, null));
    timeline.at(from.plus(d.dividedBy(5)), run, t -> run.state("SCHEDULED", t, null));
    timeline.at(from.plus(d.multipliedBy(3).dividedBy(10)), run, t -> run.state("RUNNING", t, null));
    Duration timeout = Duration.ofMinutes(run.request.path("executionTimeoutMinutes").asLong(720));
    if (timeout.compareTo(d) < 0) {
      timeline.at(from.plus(timeout), run, t -> cancel(run, t, "Job run timed out after " + timeout.toMinutes()
          + " minutes"));
      return;
    }
    timeline.at(from.plus(d), run, t -> finish(run, t));
  }

  private void finish(FakeJobRun run, Instant at) {
    if (run.failure == null && hook != null) {
      try {
        hook.accept(run);
      } catch (RuntimeException e) {
        run.failure = "Job failed: " + e;
      }
    }
    run.end(run.failure == null ? "SUCCESS" : "FAILED", at, run.failure == null ? "" : run.failure);
    run.application.lastActivity = at;
    scheduleAutoStop(run.application, at);
  }

  /** CANCELLING at once, CANCELLED one transition later; a run that has ended cannot be cancelled. */
  void cancel(FakeJobRun run, Instant at, String details) {
    if (run.isTerminal()) {
      throw validation("Job run " + run.id + " is in " + run.state + " state and cannot be cancelled.");
    }
    if (run.state.equals("CANCELLING")) {
      return;
    }
    timeline.cancel(run);
    waiting.remove(run);
    run.state("CANCELLING", at, details);
    timeline.at(at.plus(transition), run, t -> {
      run.end("CANCELLED", t, details);
      run.application.lastActivity = t;
      scheduleAutoStop(run.application, t);
    });
  }

  static AwsError validation(String message) {
    return new AwsError(400, "ValidationException", message);
  }
}
