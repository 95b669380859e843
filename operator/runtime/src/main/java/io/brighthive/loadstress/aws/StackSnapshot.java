package io.brighthive.loadstress.aws;

import java.time.Instant;
import java.util.Map;

/** What CloudFormation reports about one stack at one moment. */
public record StackSnapshot(
    String name,
    String id,
    String status,
    String statusReason,
    Map<String, String> outputs,
    Map<String, String> parameters,
    Map<String, String> tags,
    boolean terminationProtection,
    Instant lastUpdated) {

  public boolean inProgress() {
    return status.endsWith("_IN_PROGRESS");
  }

  /** CREATE_COMPLETE or UPDATE_COMPLETE: the stack is usable. */
  public boolean settledHealthy() {
    return status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE");
  }

  /** The stack was rolled back or failed: it holds no usable resources of the last operation. */
  public boolean failed() {
    return status.endsWith("_FAILED") || status.equals("ROLLBACK_COMPLETE") || status.equals("UPDATE_ROLLBACK_COMPLETE");
  }

  public boolean deleted() {
    return status.equals("DELETE_COMPLETE");
  }
}
