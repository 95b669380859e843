package io.brighthive.loadstress.config;

import io.brighthive.loadstress.jobs.local.LocalJobLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
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
 * @param local the local provider's directories and job limits
 * @param maxRunsPerEnvironment ScenarioRuns in flight at once on one environment; the rest wait, Pending
 */
public record OperatorSettings(Set<String> watchNamespaces, Optional<URI> awsEndpoint, Duration pollInProgress, Duration pollSettled,
    int metricsPort, Optional<LeaderElection> leaderElection, Local local, int maxRunsPerEnvironment) {

  public static final int DEFAULT_MAX_RUNS_PER_ENVIRONMENT = 2;

  /** The Lease of leader election; its namespace defaults to the one of the operator's service account. */
  public record LeaderElection(String leaseName, Optional<String> leaseNamespace) {}

  /**
   * The local provider: where environments live and how their jobs run.
   *
   * @param workDir each local environment's directory is {@code <workDir>/<namespace>/<name>}
   * @param sparkGeneratorHome where spark-generator.jar and its Spark classpath are; searched for when empty
   * @param jobHeap -Xmx of each job JVM, such as 3g
   * @param jobCores Spark local[n] of each job; all of the machine's processors when empty
   * @param maxJobs jobs running at once across every local environment; more wait in a queue
   */
  public record Local(Path workDir, Optional<Path> sparkGeneratorHome, String jobHeap, OptionalInt jobCores, int maxJobs) {
    public static final Path DEFAULT_WORK_DIR = Path.of(".loadstress");
    public static final String DEFAULT_JOB_HEAP = "3g";
    public static final int DEFAULT_MAX_JOBS = 2;
    /** How long a cancelled job may take to stop before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    public Local {
      workDir = workDir.toAbsolutePath().normalize();
      sparkGeneratorHome = sparkGeneratorHome.map(p -> p.toAbsolutePath().normalize());
      // Fails at startup, with the runner's own rules, on a bad heap size, core count or job count.
      new LocalJobLimits(jobHeap, jobCores.orElse(1), maxJobs, STOP_GRACE);
    }

    /** ./.loadstress, a searched-for home, 3g, every core, two jobs at once. */
    public static Local defaults() {
      return new Local(DEFAULT_WORK_DIR, Optional.empty(), DEFAULT_JOB_HEAP, OptionalInt.empty(), DEFAULT_MAX_JOBS);
    }

    public LocalJobLimits limits() {
      return new LocalJobLimits(jobHeap, jobCores.orElse(Runtime.getRuntime().availableProcessors()), maxJobs, STOP_GRACE);
    }
  }

  /** Metrics on 8080, no leader election, the local provider's defaults, the default run limit. */
  public OperatorSettings(Set<String> watchNamespaces, Optional<URI> awsEndpoint, Duration pollInProgress, Duration pollSettled) {
    this(watchNamespaces, awsEndpoint, pollInProgress, pollSettled, 8080, Optional.empty(), Local.defaults(),
        DEFAULT_MAX_RUNS_PER_ENVIRONMENT);
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

  public OperatorSettings withLocal(Local other) {
    return new OperatorSettings(watchNamespaces, awsEndpoint, pollInProgress, pollSettled, metricsPort, leaderElection, other,
        maxRunsPerEnvironment);
  }
}
