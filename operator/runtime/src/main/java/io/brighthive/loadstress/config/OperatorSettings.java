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
 * @param metricsPort port of /metrics, /healthz and /readyz; 0 serves none
 * @param leaderElection the Lease to hold before reconciling, when more than one replica runs
 * @param maxRunsPerEnvironment ScenarioRuns in flight at once on one environment; the rest wait, Pending
 */
public record OperatorSettings(Set<String> watchNamespaces, Optional<URI> awsEndpoint, Duration pollInProgress, Duration pollSettled,
    int metricsPort, Optional<LeaderElection> leaderElection, int maxRunsPerEnvironment) {

  public static final int DEFAULT_MAX_RUNS_PER_ENVIRONMENT = 2;

  /** The Lease of leader election; its namespace defaults to the one of the operator's service account. */
  public record LeaderElection(String leaseName, Optional<String> leaseNamespace) {}

  /** Metrics on 8080, no leader election, the default run limit. */
  public OperatorSettings(Set<String> watchNamespaces, Optional<URI> awsEndpoint, Duration pollInProgress, Duration pollSettled) {
    this(watchNamespaces, awsEndpoint, pollInProgress, pollSettled, 8080, Optional.empty(), DEFAULT_MAX_RUNS_PER_ENVIRONMENT);
  }

  public OperatorSettings {
    watchNamespaces = Set.copyOf(watchNamespaces);
    if (pollInProgress.isNegative() || pollInProgress.isZero() || pollSettled.compareTo(pollInProgress) < 0) {
      throw new IllegalArgumentException("poll intervals must be positive, and the settled one at least the in-progress one");
    }
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new IllegalArgumentException("the metrics port must be 0 (off) or a port number, not " + metricsPort);
    }
    if (maxRunsPerEnvironment < 1) {
      throw new IllegalArgumentException("--max-runs-per-environment must be at least 1, not " + maxRunsPerEnvironment);
    }
  }
}
