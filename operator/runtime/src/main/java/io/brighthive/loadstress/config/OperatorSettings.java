package io.brighthive.loadstress.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's settings, built once in main from flags and environment variables and passed to
 * constructors.
 *
 * @param watchNamespaces namespaces to watch; empty means all
 * @param awsEndpoint endpoint override for every AWS client (tests and development only)
 * @param pollInProgress how often an environment is looked at while AWS works on it
 * @param pollSettled how often a settled environment is looked at
 */
public record OperatorSettings(Set<String> watchNamespaces, Optional<URI> awsEndpoint, Duration pollInProgress, Duration pollSettled) {

  public OperatorSettings {
    watchNamespaces = Set.copyOf(watchNamespaces);
    if (pollInProgress.isNegative() || pollInProgress.isZero() || pollSettled.compareTo(pollInProgress) < 0) {
      throw new IllegalArgumentException("poll intervals must be positive, and the settled one at least the in-progress one");
    }
  }
}
