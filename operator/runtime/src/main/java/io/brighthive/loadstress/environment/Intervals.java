package io.brighthive.loadstress.environment;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often an environment is looked at: often while CloudFormation works, rarely once settled.
 * The one place that maps state to a reschedule interval.
 */
public record Intervals(Duration inProgress, Duration settled, Duration failed) {
  public static final Intervals DEFAULT = new Intervals(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(5));

  /** In-progress checks spread over [inProgress, 1.5 x inProgress) so many environments do not poll in step. */
  public Duration forState(InfraReport.State state) {
    return switch (state) {
      case PROGRESSING -> inProgress.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, inProgress.toMillis() / 2)));
      case READY, GONE -> settled;
      case FAILED -> failed;
    };
  }
}
