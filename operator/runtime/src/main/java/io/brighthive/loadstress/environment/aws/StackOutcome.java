package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.environment.StackHealth;
import io.brighthive.loadstress.status.Reason;

/**
 * The result of one pass over one stack: its new recorded state and how it stands.
 *
 * @param notable the pass did something worth an Event even though the stack's status did not
 *     change (a page of objects deleted, a cluster resumed)
 */
public record StackOutcome(StackState state, StackHealth health, Reason reason, String message, boolean notable) {
  public StackOutcome(StackState state, StackHealth health, Reason reason, String message) {
    this(state, health, reason, message, false);
  }
}
