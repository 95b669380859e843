package io.brighthive.loadstress.metrics;

/** How a stack operation ended; the {@code outcome} tag, in lower case. */
public enum StackOperationOutcome {
  /** CREATE_COMPLETE, UPDATE_COMPLETE or DELETE_COMPLETE. */
  SUCCEEDED,
  /** The operation failed and CloudFormation rolled it back. */
  ROLLED_BACK,
  /** The operation failed and left the stack in a failed state. */
  FAILED
}
