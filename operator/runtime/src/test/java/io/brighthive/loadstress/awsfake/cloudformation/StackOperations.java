package io.brighthive.loadstress.awsfake.cloudformation;

import io.brighthive.loadstress.awsfake.cloudformation.StackFailureRules.Kind;
import io.brighthive.loadstress.awsfake.cloudformation.StackFailureRules.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plans the asynchronous course of create, update and delete: the first status change happens at once, the rest
 * (one event per resource transition, then the stack's final status) is scheduled over the transition delay.
 * Callers hold the registry's lock.
 */
final class StackOperations {

  private final StackRegistry registry;
  private final StackFailureRules rules;
  private final ExportRules exports;
  private final ResourceLifecycle lifecycle;
  private final StackDeletion deletion;

  StackOperations(StackRegistry registry, StackFailureRules rules, ResourceLifecycle lifecycle) {
    this.registry = registry;
    this.rules = rules;
    this.exports = new ExportRules(registry);
    this.lifecycle = lifecycle;
    this.deletion = new StackDeletion(registry, rules, lifecycle);
  }

  void create(Stack stack, Deployment deployment, String token, ChangeSet changeSet) {
    stack.deployment = deployment;
    StackEnv env = registry.env(stack, deployment);
    env.scanImports();
    stack.imports = Set.copyOf(env.imports());
    Map<String, Output> outputs = env.outputs();
    String failure = firstNonNull(exports.missingImport(env), exports.conflict(stack, outputs));
    stack.stackEvent(registry.now(), "CREATE_IN_PROGRESS", "User Initiated", token);
    List<Consumer<Instant>> steps = new ArrayList<>();
    List<StackResource> created = new ArrayList<>();
    List<String> order = env.resourceOrder();
    Optional<Rule> rule = rules.match(Kind.CREATE, stack.name);
    String ruleFailing = rule.map(r -> pick(r.logicalId(), order, true)).orElse(null);
    String failing = null;
    String failingReason = null;
    for (String id : failure == null ? order : List.<String>of()) {
      failingReason = id.equals(ruleFailing) ? rule.get().reason() : lifecycle.createFailure(stack, env, id);
      if (failingReason != null) {
        failing = id;
        break;
      }
    }
    String createFailedReason = failingReason;
    for (String id : failure == null ? order : List.<String>of()) {
      StackResource resource = new StackResource(id, env.template().type(id), env.physicalId(id));
      created.add(resource);
      steps.add(t -> {
        stack.resources.put(id, resource);
        stack.resourceEvent(t, resource, "CREATE_IN_PROGRESS", "Resource creation Initiated", token);
      });
      if (id.equals(failing)) {
        steps.add(t -> stack.resourceEvent(t, resource, "CREATE_FAILED", createFailedReason, token));
        failure = "The following resource(s) failed to create: [" + id + "]. ";
        break;
      }
      steps.add(t -> {
        stack.resourceEvent(t, resource, "CREATE_COMPLETE", null, token);
        lifecycle.created(stack, env, resource);
      });
    }
    if (failure == null) {
      steps.add(t -> {
        stack.outputs = outputs;
        stack.stackEvent(t, "CREATE_COMPLETE", null, token);
        finish(changeSet, "EXECUTE_COMPLETE");
      });
    } else if ("DO_NOTHING".equals(stack.onFailure)) {
      String reason = failure;
      steps.add(t -> {
        stack.stackEvent(t, "CREATE_FAILED", reason, token);
        finish(changeSet, "EXECUTE_FAILED");
      });
    } else {
      String reason = failure + "Rollback requested by user.";
      steps.add(t -> stack.stackEvent(t, "ROLLBACK_IN_PROGRESS", reason, token));
      Collections.reverse(created);
      String failed = failing;
      created.forEach(r -> deletion.deleteSteps(stack, () -> r, env, true, !r.logicalId.equals(failed), token,
          steps));
      steps.add(t -> {
        stack.imports = Set.of();
        stack.stackEvent(t, "ROLLBACK_COMPLETE", null, token);
        finish(changeSet, "EXECUTE_FAILED");
      });
      if ("DELETE".equals(stack.onFailure)) {
        steps.add(t -> stack.stackEvent(t, "DELETE_IN_PROGRESS", null, token));
        steps.add(t -> deletion.markDeleted(stack, t, token));
      }
    }
    registry.schedule(stack, steps);
  }

  void update(Stack stack, Deployment next, String token, ChangeSet changeSet) {
    Deployment previous = stack.deployment;
    Map<String, Output> previousOutputs = stack.outputs;
    Set<String> previousImports = stack.imports;
    StackEnv before = registry.env(stack, previous);
    StackEnv env = registry.env(stack, next);
    env.scanImports();
    Map<String, Output> outputs = env.outputs();
    List<ResourceChange> changes =
        Changes.between(before, stack.resources, env, !previous.tags().equals(next.tags()));
    String failure = firstNonNull(exports.missingImport(env), exports.conflict(stack, outputs),
        exports.changedWhileInUse(stack, outputs));
    stack.deployment = next;
    stack.imports = Set.copyOf(env.imports());
    stack.lastUpdated = registry.now();
    stack.stackEvent(stack.lastUpdated, "UPDATE_IN_PROGRESS", "User Initiated", token);

    List<Consumer<Instant>> steps = new ArrayList<>();
    List<ResourceChange> applied = new ArrayList<>();
    List<ResourceChange> forward = changes.stream().filter(c -> !c.action().equals("Remove")).toList();
    Optional<Rule> rule = rules.match(Kind.UPDATE, stack.name);
    String failing = rule.map(r -> pick(r.logicalId(), forward.stream().map(ResourceChange::logicalId).toList(),
        false)).orElse(null);
    if (failure == null && rule.isPresent() && failing == null) {
      failure = rule.get().reason();
    }
    for (ResourceChange change : failure == null ? forward : List.<ResourceChange>of()) {
      String id = change.logicalId();
      boolean add = change.action().equals("Add");
      StackResource resource = add ? new StackResource(id, change.resourceType(), env.physicalId(id))
          : stack.resources.get(id);
      String verb = add ? "CREATE" : "UPDATE";
      applied.add(change);
      steps.add(t -> {
        stack.resources.put(id, resource);
        resource.physicalId = env.physicalId(id);
        stack.resourceEvent(t, resource, verb + "_IN_PROGRESS", add ? "Resource creation Initiated" : null, token);
      });
      if (id.equals(failing)) {
        steps.add(t -> stack.resourceEvent(t, resource, verb + "_FAILED", rule.get().reason(), token));
        failure = "The following resource(s) failed to " + (add ? "create" : "update") + ": [" + id + "]. ";
        break;
      }
      steps.add(t -> {
        stack.resourceEvent(t, resource, verb + "_COMPLETE", null, token);
        if (add) {
          lifecycle.created(stack, env, resource);
        }
      });
    }
    if (failure == null) {
      steps.add(t -> {
        stack.outputs = outputs;
        stack.stackEvent(t, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null, token);
      });
      List<ResourceChange> removals = new ArrayList<>(changes.stream().filter(c -> c.action().equals("Remove")).toList());
      Collections.reverse(removals);
      removals.forEach(c -> deletion.deleteSteps(stack, () -> stack.resources.get(c.logicalId()), before, false,
          true, token, steps));
      steps.add(t -> {
        stack.resources.values().removeIf(r -> !r.exists() || "DELETE_SKIPPED".equals(r.status));
        stack.stackEvent(t, "UPDATE_COMPLETE", null, token);
        finish(changeSet, "EXECUTE_COMPLETE");
      });
    } else {
      String reason = failure;
      steps.add(t -> stack.stackEvent(t, "UPDATE_ROLLBACK_IN_PROGRESS", reason, token));
      List<ResourceChange> undo = new ArrayList<>(applied);
      Collections.reverse(undo);
      undo.stream().filter(c -> c.action().equals("Modify")).forEach(c -> {
        StackResource resource = stack.resources.get(c.logicalId());
        steps.add(t -> stack.resourceEvent(t, resource, "UPDATE_IN_PROGRESS", null, token));
        steps.add(t -> {
          resource.physicalId = before.physicalId(c.logicalId());
          stack.resourceEvent(t, resource, "UPDATE_COMPLETE", null, token);
        });
      });
      steps.add(t -> stack.stackEvent(t, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null, token));
      undo.stream().filter(c -> c.action().equals("Add"))
          .forEach(c -> deletion.deleteSteps(stack, () -> stack.resources.get(c.logicalId()), env, true, true,
              token, steps));
      steps.add(t -> {
        stack.resources.values().removeIf(r -> !r.exists());
        stack.deployment = previous;
        stack.outputs = previousOutputs;
        stack.imports = previousImports;
        stack.stackEvent(t, "UPDATE_ROLLBACK_COMPLETE", null, token);
        finish(changeSet, "EXECUTE_FAILED");
      });
    }
    registry.schedule(stack, steps);
  }

  void delete(Stack stack, String token, Set<String> retain, boolean force) {
    deletion.delete(stack, token, retain, force);
  }

  void deleteOutOfBand(Stack stack) {
    deletion.deleteOutOfBand(stack);
  }

  private static void finish(ChangeSet changeSet, String executionStatus) {
    if (changeSet != null) {
      changeSet.executionStatus = executionStatus;
    }
  }

  /** The resource named by a failure switch; when it is absent, the last (or first) candidate. */
  private static String pick(String wanted, List<String> candidates, boolean lastByDefault) {
    if (candidates.isEmpty()) {
      return null;
    }
    if (wanted != null && candidates.contains(wanted)) {
      return wanted;
    }
    return lastByDefault ? candidates.get(candidates.size() - 1) : candidates.get(0);
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
