package io.brighthive.loadstress.scenario;

import java.time.Duration;
import java.util.Optional;

/** What a pass decided: when to look again (empty: on the next change only), and whether the run's ttl asks to delete it. */
public record RunDecision(Optional<Duration> recheckAfter, boolean delete) {
  public static RunDecision after(Duration d) {
    return new RunDecision(Optional.of(d), false);
  }

  public static RunDecision onChangeOnly() {
    return new RunDecision(Optional.empty(), false);
  }

  public static RunDecision deleteNow() {
    return new RunDecision(Optional.empty(), true);
  }
}
