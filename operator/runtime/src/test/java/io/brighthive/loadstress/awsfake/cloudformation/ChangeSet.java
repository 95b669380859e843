package io.brighthive.loadstress.awsfake.cloudformation;

import java.time.Instant;
import java.util.List;

/** One change set. Mutated only under the registry's lock. */
final class ChangeSet {

  static final String NO_CHANGES = "The submitted information didn't contain changes. "
      + "Submit different information to create a change set.";

  final String id;
  final String name;
  final String type;
  final Stack stack;
  final String clientToken;
  final String description;
  final Instant created;
  final Deployment deployment;
  final List<ResourceChange> changes;
  final boolean hasChanges;
  String status = "CREATE_PENDING";
  String executionStatus = "UNAVAILABLE";
  String statusReason;
  String executionToken;

  ChangeSet(String id, String name, String type, Stack stack, String clientToken, String description, Instant created,
      Deployment deployment, List<ResourceChange> changes, boolean hasChanges) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.stack = stack;
    this.clientToken = clientToken;
    this.description = description;
    this.created = created;
    this.deployment = deployment;
    this.changes = List.copyOf(changes);
    this.hasChanges = hasChanges;
  }
}
