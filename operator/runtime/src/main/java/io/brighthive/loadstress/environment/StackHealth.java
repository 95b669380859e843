package io.brighthive.loadstress.environment;

/** How one stack stands after a pass. */
public enum StackHealth {
  /** Complete and in line with the spec: its outputs may feed later stacks. */
  READY,
  /** CloudFormation is working on it, or the operator is preparing a change. */
  PROGRESSING,
  /** An earlier stack is not ready yet. */
  WAITING,
  /** Failed; a person or a spec change is needed. */
  FAILED,
  /** Deleted (teardown). */
  GONE
}
