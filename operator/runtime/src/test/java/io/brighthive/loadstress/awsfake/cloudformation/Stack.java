package io.brighthive.loadstress.awsfake.cloudformation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One stack, live or deleted. Mutated only under the registry's lock. */
final class Stack {

  static final String TYPE = "AWS::CloudFormation::Stack";

  final String id;
  final String name;
  final String region;
  final Instant created;
  String status;
  String reason;
  Instant lastUpdated;
  Instant deleted;
  /** Null while the stack is in REVIEW_IN_PROGRESS (created by a CREATE change set, not executed yet). */
  Deployment deployment;
  Map<String, Output> outputs = Map.of();
  Set<String> imports = Set.of();
  final Map<String, StackResource> resources = new LinkedHashMap<>();
  final List<StackEvent> events = new ArrayList<>();
  /** Client request tokens already used on this stack, with the operation that used them. */
  final Map<String, String> tokens = new HashMap<>();
  final Map<String, ChangeSet> changeSets = new LinkedHashMap<>();
  boolean terminationProtection;
  String onFailure = "ROLLBACK";
  String roleArn;
  List<String> notificationArns = List.of();
  Integer timeoutInMinutes;
  String changeSetId;
  String driftStatus = "NOT_CHECKED";
  Instant driftChecked;

  Stack(String id, String name, String region, Instant created) {
    this.id = id;
    this.name = name;
    this.region = region;
    this.created = created;
  }

  boolean isDeleted() {
    return "DELETE_COMPLETE".equals(status);
  }

  /** Whether the stack holds resources, and so its imports pin other stacks' exports. */
  boolean holdsResources() {
    return !isDeleted() && !"ROLLBACK_COMPLETE".equals(status) && !"REVIEW_IN_PROGRESS".equals(status);
  }

  boolean isInProgress() {
    return status.endsWith("_IN_PROGRESS");
  }

  void stackEvent(Instant at, String newStatus, String newReason, String token) {
    status = newStatus;
    reason = newReason;
    events.add(new StackEvent(UUID.randomUUID().toString(), name, id, TYPE, at, newStatus, newReason, token));
  }

  void resourceEvent(Instant at, StackResource resource, String newStatus, String newReason, String token) {
    resource.status = newStatus;
    resource.reason = newReason;
    resource.timestamp = at;
    events.add(new StackEvent(resource.logicalId + "-" + newStatus + "-" + at.toEpochMilli() + "-" + events.size(),
        resource.logicalId, resource.physicalId, resource.type, at, newStatus, newReason, token));
  }

  /** Export name to value, for the outputs this stack exports now. */
  Map<String, String> exports() {
    Map<String, String> out = new LinkedHashMap<>();
    if (!isDeleted()) {
      outputs.values().stream().filter(o -> o.exportName() != null).forEach(o -> out.put(o.exportName(), o.value()));
    }
    return out;
  }

  List<StackResource> existingResources() {
    return new ArrayList<>(resources.values().stream().filter(StackResource::exists).toList());
  }
}
