package io.brighthive.loadstress.awsfake.cloudformation;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** CreateStack, UpdateStack, DeleteStack, UpdateTerminationProtection. Called under the registry's lock. */
final class StackActions {

  private static final Set<String> ON_FAILURE = Set.of("ROLLBACK", "DELETE", "DO_NOTHING");

  private final StackRegistry registry;
  private final StackOperations operations;
  private final Function<String, String> templateUrls;

  StackActions(StackRegistry registry, StackOperations operations, Function<String, String> templateUrls) {
    this.registry = registry;
    this.operations = operations;
    this.templateUrls = templateUrls;
  }

  /** A retry with the ClientRequestToken of the create that made the stack returns that stack's id. */
  void createStack(QueryParams p, XmlWriter out, FakeRequest request) {
    String name = StackInput.name(p, "StackName");
    String token = StackInput.token(p, "ClientRequestToken");
    Optional<Stack> existing = registry.find(name);
    if (existing.isPresent()) {
      if (token != null && "CreateStack".equals(existing.get().tokens.get(token))) {
        out.leaf("StackId", existing.get().id);
        return;
      }
      throw new AwsError(400, "AlreadyExistsException", "Stack [" + name + "] already exists");
    }
    Deployment deployment = StackInput.deployment(p, null, templateUrls);
    String onFailure = onFailure(p);
    Stack stack = registry.newStack(name, request.region());
    stack.onFailure = onFailure;
    stack.terminationProtection = p.bool("EnableTerminationProtection", false);
    stack.roleArn = p.get("RoleARN");
    stack.notificationArns = p.list("NotificationARNs").orElse(List.of());
    stack.timeoutInMinutes = p.integer("TimeoutInMinutes").orElse(null);
    if (token != null) {
      stack.tokens.put(token, "CreateStack");
    }
    operations.create(stack, deployment, token, null);
    out.leaf("StackId", stack.id);
  }

  void updateStack(QueryParams p, XmlWriter out, FakeRequest request) {
    String nameOrId = p.required("StackName");
    String token = StackInput.token(p, "ClientRequestToken");
    Stack stack = registry.find(nameOrId).filter(s -> !s.isDeleted())
        .orElseThrow(() -> AwsError.validation("Stack [" + nameOrId + "] does not exist"));
    if (retried(stack, token, "UpdateStack")) {
      out.leaf("StackId", stack.id);
      return;
    }
    StackInput.requireUpdatable(stack);
    Deployment next = StackInput.deployment(p, stack.deployment, templateUrls);
    if (!stack.deployment.differsFrom(next)) {
      throw AwsError.validation("No updates are to be performed.");
    }
    if (token != null) {
      stack.tokens.put(token, "UpdateStack");
    }
    operations.update(stack, next, token, null);
    out.leaf("StackId", stack.id);
  }

  /**
   * Idempotent: a missing, deleted or deleting stack is fine, and so is a retry with the token of an earlier
   * DeleteStack, which starts nothing new (a new attempt after DELETE_FAILED needs a new token).
   */
  void deleteStack(QueryParams p, XmlWriter out, FakeRequest request) {
    String nameOrId = p.required("StackName");
    String token = StackInput.token(p, "ClientRequestToken");
    Optional<Stack> found = registry.find(nameOrId);
    if (found.isEmpty() || found.get().isDeleted() || "DELETE_IN_PROGRESS".equals(found.get().status)) {
      return;
    }
    Stack stack = found.get();
    if (retried(stack, token, "DeleteStack")) {
      return;
    }
    if (stack.terminationProtection) {
      throw AwsError.validation("Stack [" + stack.name + "] cannot be deleted while TerminationProtection is enabled");
    }
    Set<String> retain = new HashSet<>(p.list("RetainResources").orElse(List.of()));
    if (!retain.isEmpty() && !"DELETE_FAILED".equals(stack.status)) {
      throw AwsError.validation("Invalid operation on stack [" + stack.id + "]. RetainResources can only be "
          + "specified when a stack is in the DELETE_FAILED state");
    }
    if (token != null) {
      stack.tokens.put(token, "DeleteStack");
    }
    operations.delete(stack, token, retain, "FORCE_DELETE_STACK".equals(p.get("DeletionMode")));
  }

  void updateTerminationProtection(QueryParams p, XmlWriter out, FakeRequest request) {
    boolean enable = Boolean.parseBoolean(p.required("EnableTerminationProtection"));
    String nameOrId = p.required("StackName");
    Stack stack = registry.find(nameOrId).filter(s -> !s.isDeleted())
        .orElseThrow(() -> StackRegistry.missing(nameOrId));
    stack.terminationProtection = enable;
    out.leaf("StackId", stack.id);
  }

  private static boolean retried(Stack stack, String token, String operation) {
    if (token == null || !stack.tokens.containsKey(token)) {
      return false;
    }
    if (operation.equals(stack.tokens.get(token))) {
      return true;
    }
    throw new AwsError(400, "TokenAlreadyExistsException", "The client request token " + token
        + " was already used by a " + stack.tokens.get(token) + " request on stack " + stack.name);
  }

  private static String onFailure(QueryParams p) {
    String onFailure = p.get("OnFailure");
    boolean disableRollback = p.bool("DisableRollback", false);
    if (onFailure != null && p.has("DisableRollback")) {
      throw AwsError.validation("You can specify either DisableRollback or OnFailure, but not both.");
    }
    if (onFailure != null && !ON_FAILURE.contains(onFailure)) {
      throw AwsError.validation("1 validation error detected: Value '" + onFailure + "' at 'onFailure' failed to "
          + "satisfy constraint: Member must satisfy enum value set: [DO_NOTHING, ROLLBACK, DELETE]");
    }
    return onFailure != null ? onFailure : disableRollback ? "DO_NOTHING" : "ROLLBACK";
  }
}
