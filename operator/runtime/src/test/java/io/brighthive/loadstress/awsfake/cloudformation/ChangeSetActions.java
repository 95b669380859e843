package io.brighthive.loadstress.awsfake.cloudformation;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet, ListChangeSets. Under the registry's lock. */
final class ChangeSetActions {

  private final StackRegistry registry;
  private final StackOperations operations;
  private final Function<String, String> templateUrls;

  ChangeSetActions(StackRegistry registry, StackOperations operations, Function<String, String> templateUrls) {
    this.registry = registry;
    this.operations = operations;
    this.templateUrls = templateUrls;
  }

  /**
   * CREATE makes a REVIEW_IN_PROGRESS stack; the change set then goes CREATE_PENDING, CREATE_IN_PROGRESS,
   * CREATE_COMPLETE (or FAILED when nothing would change). A retry with the same ClientToken returns the same ids.
   */
  void createChangeSet(QueryParams p, XmlWriter out, FakeRequest request) {
    String stackName = p.required("StackName");
    if (!stackName.startsWith("arn:")) {
      StackInput.name(p, "StackName");
    }
    String name = StackInput.name(p, "ChangeSetName");
    String type = Optional.ofNullable(p.get("ChangeSetType")).orElse("UPDATE");
    String clientToken = StackInput.token(p, "ClientToken");
    Optional<Stack> existing = registry.find(stackName);
    if (existing.isPresent() && existing.get().changeSets.containsKey(name)) {
      ChangeSet prior = existing.get().changeSets.get(name);
      if (clientToken != null && clientToken.equals(prior.clientToken)) {
        out.leaf("Id", prior.id).leaf("StackId", prior.stack.id);
        return;
      }
      throw new AwsError(400, "AlreadyExistsException", "ChangeSet [" + name + "] already exists");
    }
    Stack stack;
    Deployment next;
    List<ResourceChange> changes;
    boolean hasChanges;
    switch (type) {
      case "CREATE" -> {
        if (existing.isPresent() && !"REVIEW_IN_PROGRESS".equals(existing.get().status)) {
          throw AwsError.validation("Stack [" + stackName + "] already exists and cannot be created again with the "
              + "changeSet [" + name + "].");
        }
        next = StackInput.deployment(p, null, templateUrls);
        stack = existing.orElseGet(() -> newReviewStack(stackName, request.region()));
        stack.onFailure = Optional.ofNullable(p.get("OnStackFailure")).orElse("ROLLBACK");
        changes = Changes.between(null, Map.of(), registry.env(stack, next), false);
        hasChanges = true;
      }
      case "UPDATE" -> {
        stack = existing.filter(s -> !s.isDeleted())
            .orElseThrow(() -> AwsError.validation("Stack [" + stackName + "] does not exist"));
        StackInput.requireUpdatable(stack);
        next = StackInput.deployment(p, stack.deployment, templateUrls);
        changes = Changes.between(registry.env(stack, stack.deployment), stack.resources,
            registry.env(stack, next), !stack.deployment.tags().equals(next.tags()));
        hasChanges = stack.deployment.differsFrom(next);
      }
      default -> throw AwsError.validation("ChangeSetType " + type + " is not supported by the AWS fake");
    }
    String id = "arn:aws:cloudformation:" + stack.region + ":" + FakeAws.ACCOUNT_ID + ":changeSet/" + name + "/"
        + UUID.randomUUID();
    ChangeSet changeSet = new ChangeSet(id, name, type, stack, clientToken, p.get("Description"), registry.now(), next,
        changes, hasChanges);
    registry.addChangeSet(changeSet);
    List<Consumer<Instant>> steps = new ArrayList<>();
    steps.add(t -> changeSet.status = "CREATE_IN_PROGRESS");
    steps.add(t -> {
      if (changeSet.hasChanges) {
        changeSet.status = "CREATE_COMPLETE";
        changeSet.executionStatus = "AVAILABLE";
      } else {
        changeSet.status = "FAILED";
        changeSet.statusReason = ChangeSet.NO_CHANGES;
      }
    });
    registry.schedule(changeSet, steps);
    out.leaf("Id", id).leaf("StackId", stack.id);
  }

  void describeChangeSet(QueryParams p, XmlWriter out, FakeRequest request) {
    CfnXml.changeSet(out, registry.requireChangeSet(p.required("ChangeSetName"), p.get("StackName")));
  }

  /** Runs the stack operation; every other change set of the stack is deleted, as AWS does. */
  void executeChangeSet(QueryParams p, XmlWriter out, FakeRequest request) {
    ChangeSet changeSet = registry.requireChangeSet(p.required("ChangeSetName"), p.get("StackName"));
    String token = StackInput.token(p, "ClientRequestToken");
    if (token != null && token.equals(changeSet.executionToken)) {
      return;
    }
    if (!"AVAILABLE".equals(changeSet.executionStatus)) {
      throw new AwsError(400, "InvalidChangeSetStatus", "ChangeSet [" + changeSet.id
          + "] cannot be executed in its current execution status of [" + changeSet.executionStatus + "]");
    }
    Stack stack = changeSet.stack;
    if (changeSet.type.equals("UPDATE")) {
      StackInput.requireUpdatable(stack);
    }
    changeSet.executionToken = token;
    changeSet.executionStatus = "EXECUTE_IN_PROGRESS";
    stack.changeSetId = changeSet.id;
    if (token != null) {
      stack.tokens.put(token, "ExecuteChangeSet");
    }
    new ArrayList<>(stack.changeSets.values()).stream().filter(c -> c != changeSet)
        .forEach(registry::removeChangeSet);
    if (changeSet.type.equals("CREATE")) {
      operations.create(stack, changeSet.deployment, token, changeSet);
    } else {
      operations.update(stack, changeSet.deployment, token, changeSet);
    }
  }

  void deleteChangeSet(QueryParams p, XmlWriter out, FakeRequest request) {
    ChangeSet changeSet = registry.requireChangeSet(p.required("ChangeSetName"), p.get("StackName"));
    if ("EXECUTE_IN_PROGRESS".equals(changeSet.executionStatus)) {
      throw new AwsError(400, "InvalidChangeSetStatus", "ChangeSet [" + changeSet.id
          + "] cannot be deleted in its current execution status of [EXECUTE_IN_PROGRESS]");
    }
    registry.removeChangeSet(changeSet);
  }

  void listChangeSets(QueryParams p, XmlWriter out, FakeRequest request) {
    Stack stack = registry.require(p.required("StackName"));
    out.members("Summaries", stack.changeSets.values(), CfnXml::changeSetSummary);
  }

  private Stack newReviewStack(String name, String region) {
    Stack stack = registry.newStack(name, region);
    stack.stackEvent(registry.now(), "REVIEW_IN_PROGRESS", "User Initiated", null);
    return stack;
  }
}
