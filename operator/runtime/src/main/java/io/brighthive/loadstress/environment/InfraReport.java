package io.brighthive.loadstress.environment;

import io.brighthive.loadstress.status.Reason;
import java.util.List;

/** What one step over all stacks found: one line per stack, in the order they were visited. */
public record InfraReport(List<StackReport> stacks) {
  public enum State { READY, PROGRESSING, FAILED, GONE }

  /** One stack: its condition type, how it stands, why, and a message for people. */
  public record StackReport(String conditionType, String component, StackHealth health, Reason reason, String message, boolean changed) {
    public boolean ready() {
      return health == StackHealth.READY;
    }
  }

  public InfraReport {
    stacks = List.copyOf(stacks);
  }

  public State state() {
    if (stacks.stream().allMatch(s -> s.health() == StackHealth.GONE)) {
      return State.GONE;
    }
    if (stacks.stream().allMatch(StackReport::ready)) {
      return State.READY;
    }
    boolean anyFailed = stacks.stream().anyMatch(s -> s.health() == StackHealth.FAILED);
    boolean anyMoving = stacks.stream().anyMatch(s -> s.health() == StackHealth.PROGRESSING);
    return anyFailed && !anyMoving ? State.FAILED : State.PROGRESSING;
  }

  /** The first stack that is not where it should be, for the Ready condition's message. */
  public String summary() {
    return stacks.stream()
        .filter(s -> s.health() == StackHealth.FAILED)
        .findFirst()
        .or(() -> stacks.stream().filter(s -> !s.ready() && s.health() != StackHealth.GONE && s.health() != StackHealth.WAITING).findFirst())
        .map(StackReport::message)
        .orElse(state() == State.GONE ? "all stacks are deleted" : state() == State.READY ? "all stacks are ready" : "waiting");
  }

  public boolean inProgress() {
    return stacks.stream().anyMatch(s -> s.health() == StackHealth.PROGRESSING);
  }
}
