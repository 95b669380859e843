package io.brighthive.loadstress.awsfake.cloudformation;

import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook.Deletion;
import io.brighthive.loadstress.awsfake.cloudformation.StackFailureRules.Kind;
import io.brighthive.loadstress.awsfake.cloudformation.StackFailureRules.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Deleting stacks and resources: DeleteStack (reverse dependency order; DeletionPolicy Retain and RetainResources
 * skip a resource; a failure switch or the owning service fake's refusal, e.g. a bucket with objects, ends in
 * DELETE_FAILED), out-of-band deletion, and the resource deletions of rollbacks and update cleanup. Whether a
 * resource deletion fails is decided when its event is due, against the service's state at that instant. Callers
 * hold the registry's lock.
 */
final class StackDeletion {

  private final StackRegistry registry;
  private final StackFailureRules rules;
  private final ResourceLifecycle lifecycle;
  private final ExportRules exports;

  StackDeletion(StackRegistry registry, StackFailureRules rules, ResourceLifecycle lifecycle) {
    this.registry = registry;
    this.rules = rules;
    this.lifecycle = lifecycle;
    this.exports = new ExportRules(registry);
  }

  void delete(Stack stack, String token, Set<String> retain, boolean force) {
    String inUse = exports.inUseReason(stack);
    if (inUse != null) {
      registry.schedule(stack, List.of(t -> stack.stackEvent(t, stack.status, inUse, token)));
      return;
    }
    registry.cancel(stack);
    stack.stackEvent(registry.now(), "DELETE_IN_PROGRESS", "User Initiated", token);
    List<StackResource> order = deletionOrder(stack);
    Optional<Rule> rule = force ? Optional.empty() : rules.match(Kind.DELETE, stack.name);
    String failing = rule.map(r -> pick(r.logicalId(), order.stream().map(x -> x.logicalId).toList()))
        .orElse(null);
    Template template = stack.deployment == null ? null : stack.deployment.template();
    StackEnv env = stack.deployment == null ? null : registry.env(stack, stack.deployment);
    List<String> failed = new ArrayList<>();
    List<Consumer<Instant>> steps = new ArrayList<>();
    for (StackResource resource : order) {
      String id = resource.logicalId;
      if (retain.contains(id) || (force && "DELETE_FAILED".equals(resource.status))
          || ResourceLifecycle.retained(template, id, false)) {
        steps.add(t -> {
          if (failed.isEmpty()) {
            stack.resourceEvent(t, resource, "DELETE_SKIPPED", null, token);
          }
        });
        continue;
      }
      steps.add(t -> {
        if (failed.isEmpty()) {
          stack.resourceEvent(t, resource, "DELETE_IN_PROGRESS", null, token);
        }
      });
      steps.add(t -> {
        if (!failed.isEmpty()) {
          return;
        }
        String reason = id.equals(failing) ? rule.get().reason()
            : lifecycle.deleted(stack, env, resource, ResourceLifecycle.deletion(template, id));
        if (reason == null) {
          stack.resourceEvent(t, resource, "DELETE_COMPLETE", null, token);
        } else {
          stack.resourceEvent(t, resource, "DELETE_FAILED", reason, token);
          failed.add(id);
        }
      });
    }
    steps.add(t -> {
      if (failed.isEmpty()) {
        markDeleted(stack, t, token);
      } else {
        stack.stackEvent(t, "DELETE_FAILED", "The following resource(s) failed to delete: " + failed + ". ", token);
      }
    });
    registry.schedule(stack, steps);
  }

  /** Deleted at once, as by someone in the console: no delay, no failure switches, no termination protection. */
  void deleteOutOfBand(Stack stack) {
    registry.cancel(stack);
    stack.changeSets.values().forEach(registry::cancel);
    String token = "Console-DeleteStack-" + UUID.randomUUID();
    Instant now = registry.now();
    Template template = stack.deployment == null ? null : stack.deployment.template();
    StackEnv env = stack.deployment == null ? null : registry.env(stack, stack.deployment);
    stack.stackEvent(now, "DELETE_IN_PROGRESS", "User Initiated", token);
    for (StackResource resource : deletionOrder(stack)) {
      if (ResourceLifecycle.retained(template, resource.logicalId, false)) {
        stack.resourceEvent(now, resource, "DELETE_SKIPPED", null, token);
        continue;
      }
      stack.resourceEvent(now, resource, "DELETE_IN_PROGRESS", null, token);
      lifecycle.deleted(stack, env, resource, Deletion.FORCE);
      stack.resourceEvent(now, resource, "DELETE_COMPLETE", null, token);
    }
    markDeleted(stack, now, token);
  }

  void markDeleted(Stack stack, Instant at, String token) {
    stack.deleted = at;
    stack.outputs = Map.of();
    stack.imports = Set.of();
    stack.terminationProtection = false;
    new ArrayList<>(stack.changeSets.values()).forEach(registry::removeChangeSet);
    stack.stackEvent(at, "DELETE_COMPLETE", null, token);
  }

  /**
   * Steps that delete a resource as part of a rollback or an update's cleanup: the owning service must let it go
   * ({@code release}: false for a resource whose creation failed, which the stack never owned), and DeletionPolicy
   * Retain (of {@code env}'s template) keeps it, with a DELETE_SKIPPED event.
   */
  void deleteSteps(Stack stack, Supplier<StackResource> resource, StackEnv env, boolean rollbackOfCreate,
      boolean release, String token, List<Consumer<Instant>> steps) {
    Supplier<Boolean> retained = () -> ResourceLifecycle.retained(env == null ? null : env.template(),
        resource.get().logicalId, rollbackOfCreate);
    steps.add(t -> stack.resourceEvent(t, resource.get(),
        retained.get() ? "DELETE_SKIPPED" : "DELETE_IN_PROGRESS", null, token));
    steps.add(t -> {
      StackResource r = resource.get();
      if (!"DELETE_SKIPPED".equals(r.status)) {
        if (release) {
          lifecycle.deleted(stack, env, r, Deletion.FORCE);
        }
        stack.resourceEvent(t, r, "DELETE_COMPLETE", null, token);
      }
    });
  }

  private List<StackResource> deletionOrder(Stack stack) {
    List<StackResource> existing = stack.existingResources().stream()
        .filter(r -> !"DELETE_SKIPPED".equals(r.status)).toList();
    List<String> order = new ArrayList<>(existing.stream().map(r -> r.logicalId).toList());
    if (stack.deployment != null) {
      List<String> dependencyOrder = stack.deployment.template().resourceNames().stream()
          .filter(order::contains).toList();
      try {
        order = new ArrayList<>(stack.deployment.template().order(dependencyOrder));
        existing.stream().map(r -> r.logicalId).filter(id -> !dependencyOrder.contains(id)).forEach(order::add);
      } catch (RuntimeException e) {
        // keep creation order
      }
    }
    Collections.reverse(order);
    return order.stream().map(stack.resources::get).toList();
  }

  /** The resource named by a failure switch; when it is absent, the first candidate. */
  private static String pick(String wanted, List<String> candidates) {
    if (candidates.isEmpty()) {
      return null;
    }
    return wanted != null && candidates.contains(wanted) ? wanted : candidates.get(0);
  }
}
