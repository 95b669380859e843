package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.environment.StackHealth;
import io.brighthive.loadstress.status.Reason;

/** The result of one pass over one stack: its new recorded state and how it stands. */
public record StackOutcome(StackState state, StackHealth health, Reason reason, String message) {}
