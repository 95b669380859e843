package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.aws.ChangeSetSnapshot;
import io.brighthive.loadstress.aws.CloudFormationGateway;
import io.brighthive.loadstress.aws.StackEventSnapshot;
import io.brighthive.loadstress.aws.StackSnapshot;
import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.environment.StackHealth;
import io.brighthive.loadstress.status.Reason;
import java.util.HashMap;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves one stack one step toward its target: observe it, decide, make at most one write call,
 * and return. Never waits for CloudFormation.
 */
public final class StackConverger {
  private static final int EVENTS_TO_READ = 50;
  private final CloudFormationGateway cloudFormation;

  public StackConverger(CloudFormationGateway cloudFormation) {
    this.cloudFormation = cloudFormation;
  }

  public StackOutcome converge(StackTarget target, StackState recorded) {
    StackState state = copyOf(recorded, target.stackName());
    Optional<StackSnapshot> observed = cloudFormation.describe(target.stackName());
    if (observed.isEmpty()) {
      return create(target, state, recorded);
    }
    StackSnapshot stack = observed.get();
    if (!ownedBy(stack, target)) {
      state.setStatus(stack.status());
      return new StackOutcome(state, StackHealth.FAILED, Reason.StackNotOwned,
          "a stack named " + stack.name() + " exists but was not made for this environment; the operator leaves it alone");
    }
    observe(state, stack);
    if (stack.inProgress()) {
      return progressing(state, stack);
    }
    return switch (stack.status()) {
      case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED" -> failedCreate(target, state, recorded, stack);
      case "DELETE_FAILED" -> retryDelete(target, state, stack);
      case "CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE" -> settled(target, state, recorded, stack);
      default -> failed(state, Reason.StackFailed, stack.name() + " is " + stack.status() + reasonSuffix(stack.statusReason()));
    };
  }

  private StackOutcome create(StackTarget target, StackState state, StackState recorded) {
    boolean vanished = recorded != null && recorded.getStackId() != null && recorded.getStatus() != null
        && !recorded.getStatus().startsWith("DELETE_");
    String token = target.token("create");
    String stackId = cloudFormation.create(target.requestWithToken(token));
    state.setStackId(stackId);
    state.setStatus("CREATE_IN_PROGRESS");
    state.setStatusReason(null);
    state.setFailedResource(null);
    state.setFailedResourceReason(null);
    state.setOutputs(null);
    state.setChangeSet(null);
    state.setLastOperationToken(token);
    state.setTemplateHash(target.hash());
    return vanished
        ? new StackOutcome(state, StackHealth.PROGRESSING, Reason.StackMissing,
            target.stackName() + " was deleted outside the operator; creating it again")
        : new StackOutcome(state, StackHealth.PROGRESSING, Reason.Creating, "creating " + target.stackName());
  }

  private StackOutcome progressing(StackState state, StackSnapshot stack) {
    Reason reason = switch (stack.status()) {
      case "CREATE_IN_PROGRESS" -> Reason.Creating;
      case "DELETE_IN_PROGRESS" -> Reason.Recreating;
      default -> Reason.Updating;
    };
    return new StackOutcome(state, StackHealth.PROGRESSING, reason, stack.name() + " is " + stack.status());
  }

  /** A failed creation leaves a stack that cannot be updated: delete it once the spec changes. */
  private StackOutcome failedCreate(StackTarget target, StackState state, StackState recorded, StackSnapshot stack) {
    recordFailure(state, recorded, stack);
    if (!target.hash().equals(state.getTemplateHash())) {
      String token = target.token("recreate");
      unprotect(stack);
      cloudFormation.delete(stack.name(), token);
      state.setLastOperationToken(token);
      state.setStatus("DELETE_IN_PROGRESS");
      return new StackOutcome(state, StackHealth.PROGRESSING, Reason.Recreating,
          "deleting " + stack.name() + ", which failed to create, to create it again with the changed spec");
    }
    return failed(state, Reason.CreateFailed, failureMessage(stack, state));
  }

  private StackOutcome retryDelete(StackTarget target, StackState state, StackSnapshot stack) {
    recordFailure(state, null, stack);
    unprotect(stack);
    // Each retry needs a token of its own: CloudFormation ignores a DeleteStack that repeats one.
    cloudFormation.delete(stack.name(), target.token("recreate") + "-" + cloudFormation.events(stack.name(), 1).stream()
        .findFirst().map(e -> e.timestamp().toEpochMilli()).orElse(stack.lastUpdated().toEpochMilli()));
    return new StackOutcome(state, StackHealth.PROGRESSING, Reason.DeleteFailed, failureMessage(stack, state));
  }

  private StackOutcome settled(StackTarget target, StackState state, StackState recorded, StackSnapshot stack) {
    boolean inSync = target.hash().equals(stack.tags().get(StackTarget.HASH_TAG))
        && target.request().parameters().equals(stack.parameters())
        && !changedOutOfBand(recorded, stack);
    if (inSync) {
      state.setChangeSet(null);
      state.setTemplateHash(target.hash());
      state.setFailedResource(null);
      state.setFailedResourceReason(null);
      return new StackOutcome(state, StackHealth.READY, Reason.Ready, stack.name() + " is " + stack.status());
    }
    if (stack.status().equals("UPDATE_ROLLBACK_COMPLETE") && target.token("update").equals(state.getLastOperationToken())) {
      recordFailure(state, recorded, stack);
      return failed(state, Reason.UpdateFailed, "the update of " + failureMessage(stack, state)
          + "; the stack keeps its previous configuration until the spec changes");
    }
    return update(target, state, stack);
  }

  private StackOutcome update(StackTarget target, StackState state, StackSnapshot stack) {
    String changeSetName = target.changeSetName();
    if (!changeSetName.equals(state.getChangeSet())) {
      if (state.getChangeSet() != null) {
        cloudFormation.deleteChangeSet(stack.name(), state.getChangeSet());
      }
      cloudFormation.createUpdateChangeSet(target.requestWithToken(target.token("changeset")), changeSetName);
      state.setChangeSet(changeSetName);
      return new StackOutcome(state, StackHealth.PROGRESSING, Reason.PreparingUpdate,
          "preparing change set " + changeSetName + " for " + stack.name());
    }
    Optional<ChangeSetSnapshot> changeSet = cloudFormation.describeChangeSet(stack.name(), changeSetName);
    if (changeSet.isEmpty()) {
      state.setChangeSet(null);
      return update(target, state, stack);
    }
    ChangeSetSnapshot cs = changeSet.get();
    if (cs.pending()) {
      return new StackOutcome(state, StackHealth.PROGRESSING, Reason.PreparingUpdate,
          "change set " + changeSetName + " of " + stack.name() + " is " + cs.status());
    }
    if (cs.hasNoChanges()) {
      cloudFormation.deleteChangeSet(stack.name(), changeSetName);
      state.setChangeSet(null);
      state.setTemplateHash(target.hash());
      return new StackOutcome(state, StackHealth.READY, Reason.Ready, stack.name() + " already matches the spec");
    }
    if (cs.ready()) {
      String token = target.token("update");
      cloudFormation.executeChangeSet(stack.name(), changeSetName, token);
      state.setChangeSet(null);
      state.setLastOperationToken(token);
      state.setTemplateHash(target.hash());
      state.setStatus("UPDATE_IN_PROGRESS");
      return new StackOutcome(state, StackHealth.PROGRESSING, Reason.Updating, "updating " + stack.name());
    }
    cloudFormation.deleteChangeSet(stack.name(), changeSetName);
    state.setChangeSet(null);
    state.setTemplateHash(target.hash());
    state.setLastOperationToken(target.token("update"));
    return failed(state, Reason.ChangeSetFailed,
        "CloudFormation refused the change set for " + stack.name() + reasonSuffix(cs.statusReason()));
  }

  /**
   * Someone updated a settled stack behind the operator's back (its last-updated time moved while
   * the operator had nothing in flight): compare it with the target through a change set.
   */
  private static boolean changedOutOfBand(StackState recorded, StackSnapshot stack) {
    return recorded != null
        && recorded.getStatus() != null
        && !recorded.getStatus().endsWith("_IN_PROGRESS")
        && recorded.getChangeSet() == null
        && recorded.getLastUpdatedTime() != null
        && stack.lastUpdated() != null
        && !recorded.getLastUpdatedTime().equals(stack.lastUpdated().toString());
  }

  /** Termination protection guards the operator's stacks against the console; it lifts it only for its own. */
  private void unprotect(StackSnapshot stack) {
    if (stack.terminationProtection()) {
      cloudFormation.setTerminationProtection(stack.name(), false);
    }
  }

  /** Reads the stack's events once per failure, to name the resource that failed and why. */
  private void recordFailure(StackState state, StackState recorded, StackSnapshot stack) {
    boolean known = recorded != null && Objects.equals(recorded.getStatus(), stack.status()) && recorded.getFailedResource() != null;
    if (known) {
      return;
    }
    cloudFormation.events(stack.name(), EVENTS_TO_READ).stream()
        .filter(StackEventSnapshot::isFailure)
        .filter(e -> e.reason() != null && !e.reason().startsWith("Resource creation cancelled"))
        .filter(e -> !e.resourceType().equals("AWS::CloudFormation::Stack"))
        .reduce((newer, older) -> older)
        .ifPresent(e -> {
          state.setFailedResource(e.logicalResourceId());
          state.setFailedResourceReason(e.reason());
        });
  }

  private static String failureMessage(StackSnapshot stack, StackState state) {
    String where = state.getFailedResource() == null ? "" : ": resource " + state.getFailedResource() + " failed: " + state.getFailedResourceReason();
    return stack.name() + " is " + stack.status() + where;
  }

  private static StackOutcome failed(StackState state, Reason reason, String message) {
    return new StackOutcome(state, StackHealth.FAILED, reason, message);
  }

  private static void observe(StackState state, StackSnapshot stack) {
    state.setStackId(stack.id());
    state.setStatus(stack.status());
    state.setStatusReason(stack.statusReason());
    state.setOutputs(stack.outputs().isEmpty() ? null : new HashMap<>(stack.outputs()));
    state.setLastUpdatedTime(stack.lastUpdated() == null ? null : stack.lastUpdated().toString());
  }

  static boolean ownedBy(StackSnapshot stack, StackTarget target) {
    return target.namespace().equals(stack.tags().get(Names.TAG_NAMESPACE))
        && target.name().equals(stack.tags().get(Names.TAG_NAME));
  }

  private static String reasonSuffix(String reason) {
    return reason == null || reason.isBlank() ? "" : ": " + reason;
  }

  static StackState copyOf(StackState recorded, String stackName) {
    StackState s = new StackState();
    if (recorded != null) {
      s.setStackId(recorded.getStackId());
      s.setStatus(recorded.getStatus());
      s.setStatusReason(recorded.getStatusReason());
      s.setFailedResource(recorded.getFailedResource());
      s.setFailedResourceReason(recorded.getFailedResourceReason());
      s.setOutputs(recorded.getOutputs());
      s.setLastOperationToken(recorded.getLastOperationToken());
      s.setTemplateHash(recorded.getTemplateHash());
      s.setChangeSet(recorded.getChangeSet());
      s.setLastUpdatedTime(recorded.getLastUpdatedTime());
      s.setLastTransitionTime(recorded.getLastTransitionTime());
    }
    s.setStackName(stackName);
    return s;
  }
}
