package io.brighthive.loadstress.aws;

import java.time.Instant;

/** One stack event: which resource did what, and why. */
public record StackEventSnapshot(
    String logicalResourceId, String resourceType, String resourceStatus, String reason, Instant timestamp) {

  public boolean isFailure() {
    return resourceStatus.endsWith("_FAILED");
  }
}
