package io.brighthive.loadstress.awsfake;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Pending state transitions, due at instants of the fake clock and applied (in due order) when a later call
 * reaches the fake. Not thread-safe: the owner holds its lock around every use.
 */
public final class Timeline {

  private record Step(Instant due, long seq, Object owner, Consumer<Instant> action) {
  }

  private final Clock clock;
  private final PriorityQueue<Step> steps =
      new PriorityQueue<>(Comparator.comparing(Step::due).thenComparingLong(Step::seq));
  private long seq;

  public Timeline(Clock clock) {
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public void at(Instant due, Object owner, Consumer<Instant> action) {
    steps.add(new Step(due, seq++, owner, action));
  }

  public void advance() {
    Instant now = now();
    Step step;
    while ((step = steps.peek()) != null && !step.due().isAfter(now)) {
      steps.poll();
      step.action().accept(step.due());
    }
  }

  public void cancel(Object owner) {
    steps.removeIf(s -> s.owner() == owner);
  }

  public void clear() {
    steps.clear();
  }
}
