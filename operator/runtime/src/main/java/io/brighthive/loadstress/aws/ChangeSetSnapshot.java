package io.brighthive.loadstress.aws;

/** State of a change set: CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_COMPLETE or FAILED, and why. */
public record ChangeSetSnapshot(String name, String status, String executionStatus, String statusReason) {

  public boolean ready() {
    return status.equals("CREATE_COMPLETE") && "AVAILABLE".equals(executionStatus);
  }

  public boolean pending() {
    return status.equals("CREATE_PENDING") || status.equals("CREATE_IN_PROGRESS");
  }

  /** CloudFormation refuses a change set that changes nothing; for us that means "in sync". */
  public boolean hasNoChanges() {
    return status.equals("FAILED")
        && statusReason != null
        && (statusReason.contains("didn't contain changes") || statusReason.contains("No updates are to be performed"));
  }
}
