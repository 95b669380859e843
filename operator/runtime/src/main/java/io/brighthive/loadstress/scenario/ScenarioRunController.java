package io.brighthive.loadstress.scenario;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.api.environment.JobRunState;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.scenario.RunPhase;
import io.brighthive.loadstress.api.scenario.ScenarioResult;
import io.brighthive.loadstress.api.scenario.ScenarioRunStatus;
import io.brighthive.loadstress.api.scenario.StateTransition;
import io.brighthive.loadstress.api.status.ConditionTypes;
import io.brighthive.loadstress.environment.Infrastructure;
import io.brighthive.loadstress.environment.Intervals;
import io.brighthive.loadstress.environment.sizing.EnvironmentSizing;
import io.brighthive.loadstress.environment.sizing.PriceTable;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioCatalog;
import io.brighthive.loadstress.generator.scenario.catalog.ScenarioDefinition;
import io.brighthive.loadstress.generator.scenario.catalog.SloDefinition;
import io.brighthive.loadstress.jobs.JobRequest;
import io.brighthive.loadstress.jobs.JobRunSnapshot;
import io.brighthive.loadstress.jobs.JobRuntime;
import io.brighthive.loadstress.jobs.JobState;
import io.brighthive.loadstress.kube.EventRecorder;
import io.brighthive.loadstress.metrics.LoadstressMetrics;
import io.brighthive.loadstress.status.ConditionSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ScenarioRun state machine, free of JOSDK so it can be driven pass by pass with an injected
 * clock: check the spec against the scenario catalog, wait (Pending, with the reason) for a ready
 * environment and a free slot, record the client token, submit, follow the job run, enforce the
 * timeout, retry, read the result, and finally count, time and price the run.
 */
public final class ScenarioRunController {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
  static final int HISTORY_LIMIT = 30;
  private static final Duration SOON = Duration.ofSeconds(1);
  private static final Pattern TIMEOUT = Pattern.compile("^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$");

  /** Finds a LoadstressEnvironment by namespace and name. */
  @FunctionalInterface
  public interface Environments {
    Optional<LoadstressEnvironment> find(String namespace, String name);
  }

  private final Map<Provider, Infrastructure> providers;
  private final Environments environments;
  private final RunSlots slots;
  private final EventRecorder events;
  private final Clock clock;
  private final Intervals intervals;
  private final LoadstressMetrics metrics;
  private final PriceTable prices;

  public ScenarioRunController(Map<Provider, Infrastructure> providers, Environments environments, RunSlots slots,
      EventRecorder events, Clock clock, Intervals intervals, LoadstressMetrics metrics, PriceTable prices) {
    this.providers = providers.isEmpty() ? Map.of() : new EnumMap<>(providers);
    this.environments = environments;
    this.slots = slots;
    this.events = events;
    this.clock = clock;
    this.intervals = intervals;
    this.metrics = metrics;
    this.prices = prices;
  }

  /** One pass; {@code namespaceRuns} gives the runs of the run's namespace (for the per-environment limit). */
  public RunDecision reconcile(ScenarioRun run, Supplier<Collection<ScenarioRun>> namespaceRuns) {
    ScenarioRunStatus status = statusOf(run);
    Instant now = clock.instant();
    status.setObservedGeneration(generation(run));
    if (status.getPhase() != null && status.getPhase().isFinished()) {
      slots.release(run);
      return afterFinish(run, status, now);
    }
    Optional<ScenarioDefinition> definition = validate(run, status, now);
    if (definition.isEmpty()) {
      return RunDecision.onChangeOnly();
    }
    String envName = run.getSpec().getEnvironmentRef().getName();
    Optional<LoadstressEnvironment> env = environments.find(run.getMetadata().getNamespace(), envName);
    if (env.isEmpty() || env.get().getMetadata().getDeletionTimestamp() != null) {
      return environmentGone(run, status, env, now);
    }
    status.setEnvironmentUid(env.get().getMetadata().getUid());
    if (status.getPhase() == null || status.getPhase() == RunPhase.Pending) {
      return admit(run, status, env.get(), definition.get(), namespaceRuns, now);
    }
    Optional<JobRuntime> runtime = runtime(env.get());
    if (runtime.isEmpty()) {
      return finish(run, status, RunPhase.Failed, RunReason.ProviderNotAvailable, "the environment's provider is not available in "
          + "this operator build", now);
    }
    return follow(run, status, definition.get(), runtime.get(), now);
  }

  /** The finalizer's step: cancels a job run still in flight. True when the finalizer may go. */
  public boolean cleanup(ScenarioRun run) {
    ScenarioRunStatus status = statusOf(run);
    slots.release(run);
    JobRunState job = status.getJobRun();
    if (status.getPhase() == null || status.getPhase().isFinished() || job == null || job.getJobRunId() == null) {
      return true;
    }
    Optional<LoadstressEnvironment> env = environments.find(run.getMetadata().getNamespace(),
        run.getSpec().getEnvironmentRef().getName());
    Optional<JobRuntime> runtime = env.flatMap(this::runtime);
    if (runtime.isPresent()) {
      runtime.get().runner().cancel(job.getJobRunId());
      events.record(run, false, RunReason.Cancelled.name(), "cancelled job run " + job.getJobRunId()
          + " because the ScenarioRun was deleted");
    } else {
      events.record(run, true, RunReason.Cancelled.name(), "the ScenarioRun was deleted; its environment is gone, so job run "
          + job.getJobRunId() + " could not be cancelled (the environment's teardown stops its jobs)");
    }
    metrics.scenarioFinished(run.getSpec().getScenario(), RunPhase.Cancelled, elapsed(status, clock.instant()), null,
        status.getCostUsd());
    return true;
  }

  private Optional<ScenarioDefinition> validate(ScenarioRun run, ScenarioRunStatus status, Instant now) {
    if (run.getSpec() == null || run.getSpec().getScenario() == null || run.getSpec().getEnvironmentRef() == null) {
      finish(run, status, RunPhase.Failed, RunReason.InvalidSpec, "invalid spec, nothing was submitted: spec.scenario and "
          + "spec.environmentRef.name are required", now);
      return Optional.empty();
    }
    try {
      ScenarioDefinition definition = ScenarioCatalog.get(run.getSpec().getScenario().name());
      definition.resolveParameters(run.getSpec().getParameters());
      definition.resolveSlos(run.getSpec().getSlos());
      timeout(run);
      return Optional.of(definition);
    } catch (IllegalArgumentException e) {
      finish(run, status, RunPhase.Failed, RunReason.InvalidSpec, "invalid spec, nothing was submitted: " + e.getMessage(), now);
      return Optional.empty();
    }
  }

  private RunDecision environmentGone(ScenarioRun run, ScenarioRunStatus status, Optional<LoadstressEnvironment> env, Instant now) {
    String name = run.getSpec().getEnvironmentRef().getName();
    boolean deleting = env.isPresent();
    boolean seenBefore = status.getEnvironmentUid() != null;
    if (!deleting && !seenBefore) {
      pending(run, status, RunReason.EnvironmentNotFound, "waiting for LoadstressEnvironment " + name
          + ", which does not exist in namespace " + run.getMetadata().getNamespace(), now);
      return RunDecision.after(intervals.inProgress());
    }
    JobRunState job = status.getJobRun();
    String cancelled = "";
    if (deleting && job != null && job.getJobRunId() != null && !JobState.fromAws(job.getState()).finished()) {
      Optional<JobRuntime> runtime = runtime(env.get());
      if (runtime.isPresent()) {
        runtime.get().runner().cancel(job.getJobRunId());
        cancelled = "; cancelled job run " + job.getJobRunId();
      }
    }
    return finish(run, status, RunPhase.Failed, RunReason.EnvironmentDeleted, "LoadstressEnvironment " + name
        + (deleting ? " is being deleted" : " was deleted") + " before the run finished" + cancelled, now);
  }

  private RunDecision admit(ScenarioRun run, ScenarioRunStatus status, LoadstressEnvironment env, ScenarioDefinition definition,
      Supplier<Collection<ScenarioRun>> namespaceRuns, Instant now) {
    String name = env.getMetadata().getName();
    var conditions = env.getStatus() == null ? List.<io.fabric8.kubernetes.api.model.Condition>of() : env.getStatus().getConditions();
    if (!ConditionSupport.isTrue(conditions, ConditionTypes.READY)) {
      String why = ConditionSupport.find(conditions, ConditionTypes.READY).map(c -> ": " + c.getReason() + ", " + c.getMessage())
          .orElse(": it has no status yet");
      pending(run, status, RunReason.EnvironmentNotReady, "waiting for LoadstressEnvironment " + name + " to be Ready" + why, now);
      return RunDecision.after(intervals.inProgress());
    }
    if (!ConditionSupport.isTrue(conditions, ConditionTypes.DATA_READY)) {
      String why = ConditionSupport.find(conditions, ConditionTypes.DATA_READY).map(c -> ": " + c.getMessage()).orElse("");
      pending(run, status, RunReason.DataNotReady, "waiting for the data of LoadstressEnvironment " + name + why, now);
      return RunDecision.after(intervals.inProgress());
    }
    if (runtime(env).isEmpty()) {
      return finish(run, status, RunPhase.Failed, RunReason.ProviderNotAvailable, "the provider of LoadstressEnvironment " + name
          + " is not available in this operator build", now);
    }
    Collection<ScenarioRun> known = namespaceRuns.get();
    if (!slots.tryTake(run, known)) {
      pending(run, status, RunReason.WaitingForSlot, "waiting for a slot: " + slots.inFlight(run, known) + " runs are in flight on "
          + "LoadstressEnvironment " + name + " (limit " + slots.limit() + ")", now);
      return RunDecision.after(intervals.inProgress());
    }
    status.setAttempts(1);
    status.setStartTime(now.toString());
    status.setJobRun(intent(run, 1));
    String message = "submitting " + definition.id() + " (" + definition.title() + ") against " + name + " with client token "
        + status.getJobRun().getClientToken();
    transition(run, status, RunPhase.Submitted, RunReason.Submitting, message, now, false);
    return RunDecision.after(SOON);
  }

  private RunDecision follow(ScenarioRun run, ScenarioRunStatus status, ScenarioDefinition definition, JobRuntime runtime, Instant now) {
    JobRunState job = status.getJobRun();
    if (job == null) {
      // Someone removed the job run from the status: record a token again before anything is submitted.
      status.setJobRun(intent(run, status.getAttempts() == null ? 1 : status.getAttempts()));
      return RunDecision.after(SOON);
    }
    Duration timeout = timeout(run);
    Instant started = status.getStartTime() == null ? now : Instant.parse(status.getStartTime());
    if (!now.isBefore(started.plus(timeout))) {
      if (job.getJobRunId() != null) {
        runtime.runner().cancel(job.getJobRunId());
        job.setState(JobState.CANCELLING.name());
      }
      return finish(run, status, RunPhase.TimedOut, RunReason.TimedOut, "spec.timeout " + timeoutText(run) + " ran out"
          + (job.getJobRunId() == null ? "" : "; cancelled job run " + job.getJobRunId()), now);
    }
    Duration untilTimeout = Duration.between(now, started.plus(timeout)).plusMillis(200);
    if (job.getJobRunId() == null) {
      if (!runtime.runner().ready()) {
        transition(run, status, RunPhase.Submitted, RunReason.Submitting, "starting the job runtime before submitting", now, false);
        return RunDecision.after(min(intervals.inProgress(), untilTimeout));
      }
      runtime.ensureArtifact();
      String jobRunId = runtime.runner().submit(new JobRequest(job.getClientToken(), run.getMetadata().getName() + "-"
          + definition.id().toLowerCase(java.util.Locale.ROOT) + "-" + job.getAttempt(),
          arguments(run, definition, runtime.lakeUri(), resultUri(run, runtime.lakeUri(), job.getAttempt()))));
      job.setJobRunId(jobRunId);
      job.setState(JobState.SUBMITTED.name());
      job.setSubmittedAt(now.toString());
      status.setResultLocation(resultUri(run, runtime.lakeUri(), job.getAttempt()));
      transition(run, status, RunPhase.Submitted, RunReason.Submitted, "submitted job run " + jobRunId + " (attempt "
          + job.getAttempt() + ")", now, true);
      return RunDecision.after(min(intervals.inProgress(), untilTimeout));
    }
    Optional<JobRunSnapshot> described = runtime.runner().describe(job.getJobRunId());
    if (described.isEmpty()) {
      return retryOrFail(run, status, "job run " + job.getJobRunId() + " is gone", now);
    }
    JobRunSnapshot snapshot = described.get();
    job.setState(snapshot.state().name());
    job.setStateDetails(snapshot.stateDetails());
    job.setLogLocation(snapshot.logLocation());
    return switch (snapshot.state()) {
      case SUCCESS -> collect(run, status, runtime, snapshot, now);
      case FAILED -> {
        addCost(status, snapshot);
        job.setFinishedAt(now.toString());
        yield retryOrFail(run, status, "job run " + snapshot.jobRunId() + " failed"
            + (snapshot.stateDetails() == null ? "" : ": " + snapshot.stateDetails())
            + (snapshot.logLocation() == null ? "" : " (logs: " + snapshot.logLocation() + ")"), now);
      }
      case CANCELLED -> {
        addCost(status, snapshot);
        job.setFinishedAt(now.toString());
        yield finish(run, status, RunPhase.Cancelled, RunReason.Cancelled, "job run " + snapshot.jobRunId()
            + " was cancelled outside the operator", now);
      }
      case RUNNING -> {
        transition(run, status, RunPhase.Running, RunReason.Running, "job run " + snapshot.jobRunId() + " is running (attempt "
            + job.getAttempt() + ")", now, true);
        yield RunDecision.after(min(intervals.inProgress(), untilTimeout));
      }
      default -> {
        transition(run, status, RunPhase.Submitted, RunReason.Submitted, "job run " + snapshot.jobRunId() + " is "
            + snapshot.state() + " (attempt " + job.getAttempt() + ")", now, false);
        yield RunDecision.after(min(intervals.inProgress(), untilTimeout));
      }
    };
  }

  private RunDecision collect(ScenarioRun run, ScenarioRunStatus status, JobRuntime runtime, JobRunSnapshot snapshot, Instant now) {
    JobRunState job = status.getJobRun();
    addCost(status, snapshot);
    job.setFinishedAt(now.toString());
    String uri = resultUri(run, runtime.lakeUri(), job.getAttempt());
    status.setResultLocation(uri);
    Optional<byte[]> content = runtime.store().read(uri);
    if (content.isEmpty()) {
      return retryOrFail(run, status, "job run " + snapshot.jobRunId() + " succeeded but wrote no result at " + uri, now);
    }
    ScenarioResult result;
    try {
      result = ScenarioResults.parse(content.get(), run.getSpec().getScenario().name());
    } catch (IllegalArgumentException e) {
      return finish(run, status, RunPhase.Failed, RunReason.ResultMissing, "cannot read the result at " + uri + ": " + e.getMessage(),
          now);
    }
    status.setResult(result);
    return finish(run, status, RunPhase.Succeeded, RunReason.Succeeded, "verdict " + result.getVerdict() + ": "
        + ScenarioResults.summary(result), now);
  }

  private RunDecision retryOrFail(ScenarioRun run, ScenarioRunStatus status, String why, Instant now) {
    int attempts = status.getAttempts() == null ? 1 : status.getAttempts();
    int retries = run.getSpec().getRetries() == null ? 0 : run.getSpec().getRetries();
    if (attempts > retries) {
      return finish(run, status, RunPhase.Failed, RunReason.Failed, why + (retries == 0 ? "" : "; gave up after " + attempts
          + " attempts"), now);
    }
    status.setAttempts(attempts + 1);
    JobRunState previous = status.getJobRun();
    JobRunState next = intent(run, attempts + 1);
    next.setStateDetails("previous attempt: " + why);
    next.setLogLocation(previous == null ? null : previous.getLogLocation());
    status.setJobRun(next);
    transition(run, status, RunPhase.Submitted, RunReason.Retrying, why + "; submitting attempt " + (attempts + 1) + " of "
        + (retries + 1), now, true);
    return RunDecision.after(SOON);
  }

  private RunDecision finish(ScenarioRun run, ScenarioRunStatus status, RunPhase phase, RunReason reason, String message, Instant now) {
    status.setCompletionTime(now.toString());
    status.setDuration(status.getStartTime() == null ? null : format(Duration.between(Instant.parse(status.getStartTime()), now)));
    transition(run, status, phase, reason, message, now, true);
    slots.release(run);
    metrics.scenarioFinished(run.getSpec().getScenario(), phase, elapsed(status, now), status.getResult(), status.getCostUsd());
    return afterFinish(run, status, now);
  }

  private RunDecision afterFinish(ScenarioRun run, ScenarioRunStatus status, Instant now) {
    Long ttl = run.getSpec() == null ? null : run.getSpec().getTtlSecondsAfterFinished();
    if (ttl == null || status.getCompletionTime() == null) {
      return RunDecision.onChangeOnly();
    }
    Instant expiry = Instant.parse(status.getCompletionTime()).plusSeconds(ttl);
    if (!now.isBefore(expiry)) {
      events.record(run, false, RunReason.Expired.name(), "ttlSecondsAfterFinished " + ttl + " passed; deleting the ScenarioRun");
      return RunDecision.deleteNow();
    }
    return RunDecision.after(Duration.between(now, expiry).plusMillis(100));
  }

  private void pending(ScenarioRun run, ScenarioRunStatus status, RunReason reason, String message, Instant now) {
    transition(run, status, RunPhase.Pending, reason, message, now, !message.equals(status.getMessage()));
  }

  /** Sets phase, message and the Completed condition; appends to the history and records an Event when something changed. */
  private void transition(ScenarioRun run, ScenarioRunStatus status, RunPhase phase, RunReason reason, String message, Instant now,
      boolean notable) {
    boolean phaseChanged = phase != status.getPhase();
    boolean messageChanged = !message.equals(status.getMessage());
    status.setPhase(phase);
    status.setMessage(message);
    ConditionSupport.set(status.getConditions(), ConditionTypes.COMPLETED, phase.isFinished(), reason, message, generation(run), now);
    if (phaseChanged || (notable && messageChanged)) {
      List<StateTransition> history = status.getHistory() == null ? new ArrayList<>() : status.getHistory();
      history.add(new StateTransition(phase, now.toString(), message));
      while (history.size() > HISTORY_LIMIT) {
        history.remove(0);
      }
      status.setHistory(history);
    }
    if (phaseChanged || (notable && messageChanged)) {
      boolean warning = phase == RunPhase.Failed || phase == RunPhase.TimedOut || reason == RunReason.Retrying
          || (phase == RunPhase.Succeeded && status.getResult() != null
              && status.getResult().getVerdict() == io.brighthive.loadstress.api.scenario.Verdict.Failed);
      events.record(run, warning, reason.name(), message);
    }
  }

  private Optional<JobRuntime> runtime(LoadstressEnvironment env) {
    Provider provider = env.getSpec() == null || env.getSpec().getProvider() == null ? Provider.AWS : env.getSpec().getProvider();
    Infrastructure infrastructure = providers.get(provider);
    if (infrastructure == null || env.getStatus() == null) {
      return Optional.empty();
    }
    ResolvedEnvironment resolved = EnvironmentSizing.resolve(env);
    return Optional.of(infrastructure.jobs(env, resolved, env.getStatus()));
  }

  private void addCost(ScenarioRunStatus status, JobRunSnapshot snapshot) {
    if (snapshot.vcpuHours().isEmpty()) {
      return;
    }
    double cost = snapshot.vcpuHours().get() * prices.emrVcpuHour()
        + snapshot.memoryGbHours().orElse(0.0) * prices.emrGbHour()
        + snapshot.storageGbHours().orElse(0.0) * prices.emrStorageGbHour();
    double total = (status.getCostUsd() == null ? 0 : status.getCostUsd()) + cost;
    status.setCostUsd(Math.round(total * 10_000.0) / 10_000.0);
  }

  static JobRunState intent(ScenarioRun run, int attempt) {
    JobRunState job = new JobRunState();
    job.setAttempt(attempt);
    job.setClientToken(token(run, attempt));
    job.setState("PENDING_SUBMISSION");
    return job;
  }

  /** Derived from the run's uid (its spec is immutable, so uid and generation name the same request) and the attempt. */
  static String token(ScenarioRun run, int attempt) {
    String uid = run.getMetadata().getUid() == null ? "0" : run.getMetadata().getUid().replace("-", "");
    return "sr-" + uid.substring(Math.max(0, uid.length() - 12)) + "-g" + generation(run) + "-" + attempt;
  }

  static String resultUri(ScenarioRun run, String lakeUri, int attempt) {
    String uid = run.getMetadata().getUid() == null ? "0" : run.getMetadata().getUid();
    return lakeUri + "/results/" + run.getMetadata().getNamespace() + "/" + run.getMetadata().getName() + "-"
        + uid.substring(0, Math.min(8, uid.length())) + "/attempt-" + attempt + ".json";
  }

  static List<String> arguments(ScenarioRun run, ScenarioDefinition definition, String lakeUri, String resultUri) {
    List<String> args = new ArrayList<>(List.of("scenario", "--id", definition.id(), "--lake", lakeUri, "--result", resultUri));
    definition.resolveParameters(run.getSpec().getParameters()).forEach((name, value) -> {
      if (run.getSpec().getParameters() != null && run.getSpec().getParameters().containsKey(name)) {
        args.add("--param");
        args.add(name + "=" + value);
      }
    });
    for (SloDefinition slo : definition.resolveSlos(run.getSpec().getSlos())) {
      if (run.getSpec().getSlos() != null && run.getSpec().getSlos().containsKey(slo.name())) {
        args.add("--slo");
        args.add(slo.name() + "=" + slo.target());
      }
    }
    return args;
  }

  static Duration timeout(ScenarioRun run) {
    String text = run.getSpec().getTimeout();
    if (text == null) {
      return DEFAULT_TIMEOUT;
    }
    Matcher m = TIMEOUT.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException("spec.timeout '" + text + "' is not a duration such as 30m or 1h30m");
    }
    Duration d = Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3));
    if (d.isZero()) {
      throw new IllegalArgumentException("spec.timeout must be longer than zero");
    }
    return d;
  }

  private static long group(Matcher m, int i) {
    return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
  }

  private static String timeoutText(ScenarioRun run) {
    return run.getSpec().getTimeout() == null ? "(default " + format(DEFAULT_TIMEOUT) + ")" : run.getSpec().getTimeout();
  }

  /** kubectl's style: 45s, 3m12s, 2h5m. */
  static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
    return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
  }

  private static Duration elapsed(ScenarioRunStatus status, Instant now) {
    return status.getStartTime() == null ? null : Duration.between(Instant.parse(status.getStartTime()), now);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static ScenarioRunStatus statusOf(ScenarioRun run) {
    if (run.getStatus() == null) {
      run.setStatus(new ScenarioRunStatus());
    }
    return run.getStatus();
  }

  private static long generation(ScenarioRun run) {
    return run.getMetadata().getGeneration() == null ? 0 : run.getMetadata().getGeneration();
  }
}
