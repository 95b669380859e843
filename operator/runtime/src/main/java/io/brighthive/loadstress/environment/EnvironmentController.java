package io.brighthive.loadstress.environment;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentStatus;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.status.ConditionTypes;
import io.brighthive.loadstress.aws.AwsErrors;
import io.brighthive.loadstress.environment.InfraReport.StackReport;
import io.brighthive.loadstress.environment.sizing.CostEstimator;
import io.brighthive.loadstress.environment.sizing.EnvironmentSizing;
import io.brighthive.loadstress.environment.sizing.EnvironmentSpecValidator;
import io.brighthive.loadstress.environment.sizing.PriceTable;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.kube.EventRecorder;
import io.brighthive.loadstress.metrics.LoadstressMetrics;
import io.brighthive.loadstress.status.ConditionSupport;
import io.brighthive.loadstress.status.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LoadstressEnvironment state machine, free of JOSDK so it can be driven step by step with an
 * injected clock: validate, converge the stacks through the provider, project the result onto
 * status and events, and say when to look again.
 */
public final class EnvironmentController {
  private final Map<Provider, Infrastructure> providers;
  private final EventRecorder events;
  private final Clock clock;
  private final Intervals intervals;
  private final DataGeneration dataGeneration = new DataGeneration();

  private final LoadstressMetrics metrics;

  public EnvironmentController(Map<Provider, Infrastructure> providers, EventRecorder events, Clock clock, Intervals intervals,
      LoadstressMetrics metrics) {
    this.metrics = metrics;
    this.providers = Map.copyOf(providers);
    this.events = events;
    this.clock = clock;
    this.intervals = intervals;
  }

  public EnvironmentDecision reconcile(LoadstressEnvironment env) {
    EnvironmentDecision decision = step(env);
    LoadstressEnvironmentStatus status = statusOf(env);
    if (status.getPhase() != null) {
      metrics.environmentPhase(env.getMetadata().getUid(), status.getPhase());
    }
    if (status.getDataGeneration() != null && status.getDataGeneration().getRecords() != null) {
      metrics.recordsGenerated(env.getMetadata().getUid(), status.getDataGeneration().getRecords());
    }
    return decision;
  }

  private EnvironmentDecision step(LoadstressEnvironment env) {
    Instant now = clock.instant();
    LoadstressEnvironmentStatus status = statusOf(env);
    long generation = generation(env);
    List<String> problems = EnvironmentSpecValidator.validate(env);
    if (!problems.isEmpty()) {
      String message = "invalid spec, nothing was created: " + String.join("; ", problems);
      boolean news = !ConditionSupport.find(status.getConditions(), ConditionTypes.SPEC_VALID)
          .map(c -> "False".equals(c.getStatus()) && message.equals(c.getMessage())).orElse(false);
      ConditionSupport.set(status.getConditions(), ConditionTypes.SPEC_VALID, false, Reason.InvalidSpec, message, generation, now);
      ConditionSupport.set(status.getConditions(), ConditionTypes.READY, false, Reason.InvalidSpec, message, generation, now);
      finish(status, EnvironmentPhase.Failed, message, generation);
      if (news) {
        events.record(env, true, Reason.InvalidSpec.name(), message);
      }
      return EnvironmentDecision.onChangeOnly();
    }
    ConditionSupport.set(status.getConditions(), ConditionTypes.SPEC_VALID, true, Reason.SpecValid, "the spec is valid", generation, now);
    ResolvedEnvironment resolved = EnvironmentSizing.resolve(env);
    Optional<Instant> expiry = expiry(env, resolved);
    status.setExpiresAt(expiry.map(Instant::toString).orElse(null));
    if (expiry.isPresent() && !now.isBefore(expiry.get())) {
      events.record(env, false, Reason.Expired.name(), "the environment's ttl " + env.getSpec().getTtl() + " ran out; deleting it");
      return EnvironmentDecision.expiredNow();
    }
    Infrastructure infrastructure = providers.get(resolved.provider());
    if (infrastructure == null) {
      String message = "provider " + resolved.provider().name().toLowerCase() + " is not available in this operator build";
      ConditionSupport.set(status.getConditions(), ConditionTypes.READY, false, Reason.ProviderNotAvailable, message, generation, now);
      finish(status, EnvironmentPhase.Failed, message, generation);
      return EnvironmentDecision.onChangeOnly();
    }
    InfraReport report = infrastructure.converge(env, resolved, status);
    project(env, status, report, generation, now);
    status.setCost(CostEstimator.estimate(resolved, PriceTable.US_WEST_2).toStatus());
    Duration next = intervals.forState(report.state());
    if (report.state() == InfraReport.State.READY) {
      next = generateData(env, resolved, infrastructure, status, generation, now).orElse(next);
    } else if (!ConditionSupport.isTrue(status.getConditions(), ConditionTypes.DATA_READY)) {
      ConditionSupport.unknown(status.getConditions(), ConditionTypes.DATA_READY, Reason.WaitingForStacks,
          "data is generated once every stack is ready", generation, now);
    }
    if (expiry.isPresent() && Duration.between(now, expiry.get()).compareTo(next) < 0) {
      next = Duration.between(now, expiry.get()).plusSeconds(1);
    }
    return EnvironmentDecision.after(next);
  }

  /** Runs one data-generation step; returns when to look again if it needs to be sooner than the stacks' interval. */
  private Optional<Duration> generateData(LoadstressEnvironment env, ResolvedEnvironment resolved, Infrastructure infrastructure,
      LoadstressEnvironmentStatus status, long generation, Instant now) {
    if (status.getDataGeneration() == null) {
      status.setDataGeneration(new io.brighthive.loadstress.api.environment.DataGenerationState());
    }
    DataGeneration.Outcome outcome = dataGeneration.step(env, resolved.dataGeneration(), status.getDataGeneration(),
        infrastructure.jobs(env, resolved, status), now);
    switch (outcome.health()) {
      case READY -> ConditionSupport.set(status.getConditions(), ConditionTypes.DATA_READY, true, outcome.reason(), outcome.message(), generation, now);
      case FAILED -> ConditionSupport.set(status.getConditions(), ConditionTypes.DATA_READY, false, outcome.reason(), outcome.message(), generation, now);
      default -> ConditionSupport.set(status.getConditions(), ConditionTypes.DATA_READY, false, outcome.reason(), outcome.message(), generation, now);
    }
    if (outcome.notable()) {
      events.record(env, outcome.health() == StackHealth.FAILED || outcome.reason() == Reason.DataGenerationFailed,
          outcome.reason().name(), outcome.message());
    }
    EnvironmentPhase phase = switch (outcome.health()) {
      case READY -> EnvironmentPhase.Ready;
      case FAILED -> EnvironmentPhase.Failed;
      default -> EnvironmentPhase.Generating;
    };
    finish(status, phase, outcome.message(), generation);
    if (outcome.health() == StackHealth.PROGRESSING) {
      return Optional.of(outcome.recheckAfter().orElse(intervals.forState(InfraReport.State.PROGRESSING)));
    }
    return Optional.empty();
  }

  /** One teardown step; true when every stack is gone and the finalizer may go. */
  public boolean cleanup(LoadstressEnvironment env) {
    Instant now = clock.instant();
    LoadstressEnvironmentStatus status = statusOf(env);
    long generation = generation(env);
    Provider provider = env.getSpec().getProvider() == null ? Provider.AWS : env.getSpec().getProvider();
    Infrastructure infrastructure = providers.get(provider);
    if (infrastructure == null) {
      return true;
    }
    List<String> problems = EnvironmentSpecValidator.validate(env);
    if (!problems.isEmpty()) {
      if (status.getStacks() == null) {
        return true;
      }
      String message = "cannot tear down while the spec is invalid; correct it so the operator can delete the stacks: "
          + String.join("; ", problems);
      ConditionSupport.set(status.getConditions(), ConditionTypes.READY, false, Reason.InvalidSpec, message, generation, now);
      finish(status, EnvironmentPhase.Deleting, message, generation);
      return false;
    }
    ResolvedEnvironment resolved = EnvironmentSizing.resolve(env);
    String retained = retainedData(resolved, status);
    InfraReport report = infrastructure.teardown(env, resolved, status);
    for (StackReport stack : report.stacks()) {
      if (stack.changed()) {
        events.record(env, stack.reason() == Reason.DeleteFailed, stack.reason().name(), stack.message());
      }
    }
    boolean gone = report.state() == InfraReport.State.GONE;
    String message = gone ? "all stacks are deleted" + (retained.isEmpty() ? "" : "; " + retained) : report.summary();
    boolean news = !message.equals(status.getMessage());
    ConditionSupport.set(status.getConditions(), ConditionTypes.READY, false, gone ? Reason.Deleted : Reason.Deleting,
        message, generation, now);
    finish(status, EnvironmentPhase.Deleting, message, generation);
    if (gone && news && !retained.isEmpty()) {
      events.record(env, false, Reason.Retained.name(), retained);
    }
    if (gone) {
      metrics.environmentRemoved(env.getMetadata().getUid());
    } else {
      metrics.environmentPhase(env.getMetadata().getUid(), EnvironmentPhase.Deleting);
    }
    return gone;
  }

  /** What deletionPolicy Retain keeps, in words, from what the status recorded before the teardown. */
  private static String retainedData(ResolvedEnvironment resolved, LoadstressEnvironmentStatus status) {
    List<String> kept = new java.util.ArrayList<>();
    var stacks = status.getStacks();
    if (resolved.dataLake().deletionPolicy() == io.brighthive.loadstress.api.environment.DeletionPolicy.Retain) {
      String lake = status.getEndpoints() == null ? null : status.getEndpoints().getDataLake();
      String what = resolved.provider() == Provider.LOCAL ? "directory" : "bucket";
      kept.add("kept the data lake " + (lake == null ? what : lake) + " and its data (deletionPolicy Retain)");
    }
    // A local warehouse is DuckDB over the lake: there is no cluster to snapshot.
    if (resolved.provider() == Provider.AWS
        && resolved.redshift().deletionPolicy() == io.brighthive.loadstress.api.environment.DeletionPolicy.Retain) {
      String cluster = stacks == null || stacks.getRedshift() == null || stacks.getRedshift().getOutputs() == null ? null
          : stacks.getRedshift().getOutputs().get(io.brighthive.loadstress.environment.render.StackOutputs.REDSHIFT_CLUSTER_ID);
      kept.add("CloudFormation took a final snapshot of Redshift cluster " + (cluster == null ? "" : cluster + " ")
          + "before deleting it (deletionPolicy Retain)");
    }
    return String.join("; ", kept);
  }

  /**
   * Terminal AWS errors stop retries until the spec or the operator's settings change; other AWS
   * errors and the operator's own failures (a local directory it cannot write) are retried.
   */
  public boolean recordError(LoadstressEnvironment env, Exception e) {
    LoadstressEnvironmentStatus status = statusOf(env);
    boolean terminal = AwsErrors.isTerminal(e);
    boolean aws = e instanceof software.amazon.awssdk.core.exception.SdkException;
    Reason reason = terminal ? (isAccessDenied(e) ? Reason.AwsAccessDenied : Reason.AwsRequestRejected)
        : aws ? Reason.AwsUnavailable : Reason.OperatorError;
    String message = (terminal ? "AWS refused a request; fix the cause and change the spec or restart the operator to retry: "
        : aws ? "AWS did not answer; retrying with backoff: " : "the operator failed; retrying with backoff: ") + AwsErrors.describe(e);
    ConditionSupport.set(status.getConditions(), ConditionTypes.READY, false, reason, message, generation(env), clock.instant());
    finish(status, terminal ? EnvironmentPhase.Failed : status.getPhase(), message, generation(env));
    events.record(env, true, reason.name(), message);
    return terminal;
  }

  private void project(LoadstressEnvironment env, LoadstressEnvironmentStatus status, InfraReport report, long generation, Instant now) {
    boolean wasReady = ConditionSupport.isTrue(status.getConditions(), ConditionTypes.READY);
    for (StackReport stack : report.stacks()) {
      recordOperation(status, stack, now);
      switch (stack.health()) {
        case READY -> ConditionSupport.set(status.getConditions(), stack.conditionType(), true, stack.reason(), stack.message(), generation, now);
        case FAILED -> ConditionSupport.set(status.getConditions(), stack.conditionType(), false, stack.reason(), stack.message(), generation, now);
        default -> ConditionSupport.unknown(status.getConditions(), stack.conditionType(), stack.reason(), stack.message(), generation, now);
      }
      if (stack.changed()) {
        events.record(env, stack.health() == StackHealth.FAILED, stack.reason().name(), stack.message());
      }
    }
    InfraReport.State state = report.state();
    boolean ready = state == InfraReport.State.READY;
    Reason reason = ready ? Reason.Ready : state == InfraReport.State.FAILED ? report.stacks().stream()
        .filter(s -> s.health() == StackHealth.FAILED).map(StackReport::reason).findFirst().orElse(Reason.StackFailed)
        : Reason.NotReady;
    ConditionSupport.set(status.getConditions(), ConditionTypes.READY, ready, reason, report.summary(), generation, now);
    if (ready && !wasReady) {
      events.record(env, false, Reason.Ready.name(), "all five stacks are ready");
    }
    EnvironmentPhase phase = switch (state) {
      case READY -> EnvironmentPhase.Ready;
      case FAILED -> EnvironmentPhase.Failed;
      default -> status.getPhase() == EnvironmentPhase.Ready || status.getPhase() == EnvironmentPhase.Updating
          ? EnvironmentPhase.Updating : EnvironmentPhase.Provisioning;
    };
    finish(status, phase, report.summary(), generation);
  }

  /**
   * Times a stack operation that this pass saw end: the stack's condition was Unknown (in progress)
   * since its last transition and is now True or False. Measured from the operator's side, so it
   * includes up to one poll interval.
   */
  private void recordOperation(LoadstressEnvironmentStatus status, StackReport stack, Instant now) {
    if (stack.health() != StackHealth.READY && stack.health() != StackHealth.FAILED) {
      return;
    }
    ConditionSupport.find(status.getConditions(), stack.conditionType())
        .filter(c -> "Unknown".equals(c.getStatus()) && c.getLastTransitionTime() != null)
        .ifPresent(previous -> {
          io.brighthive.loadstress.metrics.StackOperation operation = switch (previous.getReason()) {
            case "Creating", "Recreating", "StackMissing" -> io.brighthive.loadstress.metrics.StackOperation.CREATE;
            case "Updating", "PreparingUpdate" -> io.brighthive.loadstress.metrics.StackOperation.UPDATE;
            default -> null;
          };
          if (operation == null) {
            return;
          }
          var outcome = stack.health() == StackHealth.READY ? io.brighthive.loadstress.metrics.StackOperationOutcome.SUCCEEDED
              : stack.reason() == Reason.CreateFailed || stack.reason() == Reason.UpdateFailed
                  ? io.brighthive.loadstress.metrics.StackOperationOutcome.ROLLED_BACK
                  : io.brighthive.loadstress.metrics.StackOperationOutcome.FAILED;
          metrics.stackOperation(stack.component(), operation, outcome,
              Duration.between(Instant.parse(previous.getLastTransitionTime()), now));
        });
  }

  private static void finish(LoadstressEnvironmentStatus status, EnvironmentPhase phase, String message, long generation) {
    status.setPhase(phase);
    status.setMessage(message);
    status.setObservedGeneration(generation);
  }

  private static Optional<Instant> expiry(LoadstressEnvironment env, ResolvedEnvironment resolved) {
    String created = env.getMetadata().getCreationTimestamp();
    if (created == null) {
      return Optional.empty();
    }
    return EnvironmentSizing.parseTtl(env.getSpec().getTtl()).map(ttl -> Instant.parse(created).plus(ttl));
  }

  private static boolean isAccessDenied(Exception e) {
    return e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a
        && (a.statusCode() == 403 || (a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null
            && a.awsErrorDetails().errorCode().startsWith("AccessDenied")));
  }

  static LoadstressEnvironmentStatus statusOf(LoadstressEnvironment env) {
    if (env.getStatus() == null) {
      env.setStatus(new LoadstressEnvironmentStatus());
    }
    return env.getStatus();
  }

  private static long generation(LoadstressEnvironment env) {
    Long g = env.getMetadata().getGeneration();
    return g == null ? 0L : g;
  }
}
