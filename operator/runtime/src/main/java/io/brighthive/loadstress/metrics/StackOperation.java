package io.brighthive.loadstress.metrics;

/** What a CloudFormation stack operation did; the {@code operation} tag, in lower case. */
public enum StackOperation {
  CREATE,
  UPDATE,
  DELETE
}
