package io.brighthive.loadstress.awsfake.cloudformation;

import java.time.Instant;

/** One resource of a stack, as DescribeStackResources shows it. Mutated under the registry's lock. */
final class StackResource {

  final String logicalId;
  String type;
  String physicalId;
  String status;
  String reason;
  Instant timestamp;
  String driftStatus = "NOT_CHECKED";

  StackResource(String logicalId, String type, String physicalId) {
    this.logicalId = logicalId;
    this.type = type;
    this.physicalId = physicalId;
  }

  boolean exists() {
    return !"DELETE_COMPLETE".equals(status);
  }
}
