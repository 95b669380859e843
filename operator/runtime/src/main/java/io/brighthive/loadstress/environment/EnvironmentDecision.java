package io.brighthive.loadstress.environment;

import java.time.Duration;
import java.util.Optional;

/**
 * What a pass decided: when to look again (empty: only on the next change of the resource), and
 * whether the environment's ttl ran out so the resource itself must be deleted.
 */
public record EnvironmentDecision(Optional<Duration> recheckAfter, boolean expired) {
  public static EnvironmentDecision after(Duration d) {
    return new EnvironmentDecision(Optional.of(d), false);
  }

  public static EnvironmentDecision onChangeOnly() {
    return new EnvironmentDecision(Optional.empty(), false);
  }

  public static EnvironmentDecision expiredNow() {
    return new EnvironmentDecision(Optional.empty(), true);
  }
}
