package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.aws.CloudFormationGateway;
import io.brighthive.loadstress.aws.StackEventSnapshot;
import io.brighthive.loadstress.aws.StackSnapshot;
import io.brighthive.loadstress.environment.StackHealth;
import io.brighthive.loadstress.status.Reason;
import java.util.Optional;

/**
 * Deletes one stack one step at a time. A stack counts as gone only when CloudFormation says
 * DELETE_COMPLETE or no longer knows it.
 */
public final class StackTeardown {
  private final CloudFormationGateway cloudFormation;

  public StackTeardown(CloudFormationGateway cloudFormation) {
    this.cloudFormation = cloudFormation;
  }

  /** Observes the stack; {@code beforeDelete} runs once the stack is settled and before DeleteStack. */
  public StackOutcome step(StackTarget target, StackState recorded, PreDelete beforeDelete) {
    StackState state = StackConverger.copyOf(recorded, target.stackName());
    Optional<StackSnapshot> observed = cloudFormation.describe(target.stackName());
    if (observed.isEmpty() || observed.get().deleted()) {
      state.setStatus("DELETE_COMPLETE");
      return new StackOutcome(state, StackHealth.GONE, Reason.Deleted, target.stackName() + " is deleted");
    }
    StackSnapshot stack = observed.get();
    if (!StackConverger.ownedBy(stack, target)) {
      state.setStatus(stack.status());
      return new StackOutcome(state, StackHealth.GONE, Reason.StackNotOwned,
          "left " + stack.name() + " in place: it was not made for this environment");
    }
    state.setStackId(stack.id());
    state.setStatus(stack.status());
    state.setStatusReason(stack.statusReason());
    if (stack.status().equals("DELETE_IN_PROGRESS")) {
      return new StackOutcome(state, StackHealth.PROGRESSING, Reason.Deleting, "deleting " + stack.name());
    }
    if (stack.inProgress()) {
      return new StackOutcome(state, StackHealth.PROGRESSING, Reason.Deleting,
          "waiting for " + stack.name() + " to leave " + stack.status() + " before deleting it");
    }
    boolean retry = stack.status().equals("DELETE_FAILED");
    String attempt = retry ? nameFailure(state, stack) : "";
    Optional<StackOutcome> blocked = beforeDelete.prepare(stack, state);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    if (stack.terminationProtection()) {
      cloudFormation.setTerminationProtection(stack.name(), false);
    }
    // A retry needs a token of its own: CloudFormation ignores a DeleteStack that repeats a token.
    String token = target.token("delete") + attempt;
    cloudFormation.delete(stack.name(), token);
    state.setLastOperationToken(token);
    if (retry) {
      return new StackOutcome(state, StackHealth.PROGRESSING, Reason.DeleteFailed,
          "deletion of " + stack.name() + " failed" + (state.getFailedResource() == null ? "" : " at resource "
              + state.getFailedResource() + ": " + state.getFailedResourceReason()) + "; trying again");
    }
    state.setStatus("DELETE_IN_PROGRESS");
    return new StackOutcome(state, StackHealth.PROGRESSING, Reason.Deleting, "deleting " + stack.name());
  }

  /** Names the resource that blocked the deletion; returns a suffix that tells this attempt from earlier ones. */
  private String nameFailure(StackState state, StackSnapshot stack) {
    var failure = cloudFormation.events(stack.name(), 50).stream()
        .filter(StackEventSnapshot::isFailure)
        .filter(e -> e.resourceStatus().equals("DELETE_FAILED") && !e.resourceType().equals("AWS::CloudFormation::Stack"))
        .findFirst();
    failure.ifPresent(e -> {
      state.setFailedResource(e.logicalResourceId());
      state.setFailedResourceReason(e.reason());
    });
    return failure.map(e -> "-" + e.timestamp().toEpochMilli()).orElse("-" + stack.lastUpdated().toEpochMilli());
  }

  /** Work that must happen before a stack may be deleted (empty a bucket, resume a cluster). */
  @FunctionalInterface
  public interface PreDelete {
    PreDelete NONE = (stack, state) -> Optional.empty();

    /** Empty when the stack may be deleted now; otherwise the outcome to report while preparing. */
    Optional<StackOutcome> prepare(StackSnapshot stack, StackState state);
  }
}
