package io.brighthive.loadstress.awsfake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time source of every fake: wall-clock time by default, which a test may freeze, advance or resume.
 *
 * <p>Asynchronous transitions in the fakes (a stack moving from CREATE_IN_PROGRESS to CREATE_COMPLETE) are due at
 * instants of this clock and are applied when the next call reaches the fake. A frozen clock therefore holds every
 * resource in its current state until the test calls {@link #advance(Duration)}.
 */
public final class FakeClock extends Clock {

  private final Clock base;
  private Duration offset = Duration.ZERO;
  private Instant frozenAt;

  public FakeClock(Clock base) {
    this.base = base;
  }

  public static FakeClock system() {
    return new FakeClock(Clock.systemUTC());
  }

  @Override
  public synchronized Instant instant() {
    return frozenAt != null ? frozenAt : base.instant().plus(offset);
  }

  /** Stops time at the current instant. */
  public synchronized FakeClock freeze() {
    frozenAt = instant();
    return this;
  }

  /** Lets time run again from where it stands, without a jump. */
  public synchronized FakeClock resume() {
    if (frozenAt != null) {
      offset = Duration.between(base.instant(), frozenAt);
      frozenAt = null;
    }
    return this;
  }

  /** Moves time forward (frozen or not). */
  public synchronized FakeClock advance(Duration duration) {
    if (frozenAt != null) {
      frozenAt = frozenAt.plus(duration);
    } else {
      offset = offset.plus(duration);
    }
    return this;
  }

  public synchronized boolean isFrozen() {
    return frozenAt != null;
  }

  /** Back to the base clock's time, running. */
  public synchronized void reset() {
    offset = Duration.ZERO;
    frozenAt = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    FakeClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }
}
