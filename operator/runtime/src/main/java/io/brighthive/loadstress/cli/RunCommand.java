package io.brighthive.loadstress.cli;

import io.brighthive.loadstress.OperatorRuntime;
import io.brighthive.loadstress.aws.AwsClients;
import io.brighthive.loadstress.config.OperatorSettings;
import io.brighthive.loadstress.jobs.SparkGeneratorArtifact;
import io.brighthive.loadstress.metrics.AwsCallMetrics;
import io.brighthive.loadstress.metrics.HttpEndpoints;
import io.brighthive.loadstress.metrics.LoadstressMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the operator against the cluster of the current kubeconfig, or the pod's service account. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the operator. Every option can also be set by the environment variable named in its description.")
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--watch-namespaces", defaultValue = "${env:LOADSTRESS_WATCH_NAMESPACES:-}",
      description = "Comma-separated namespaces to watch; all when empty (LOADSTRESS_WATCH_NAMESPACES).")
  String watchNamespaces;

  @Option(names = "--poll-in-progress", defaultValue = "${env:LOADSTRESS_POLL_IN_PROGRESS:-10s}",
      description = "How often an environment is checked while AWS works on it, such as 10s (LOADSTRESS_POLL_IN_PROGRESS).")
  String pollInProgress;

  @Option(names = "--poll-settled", defaultValue = "${env:LOADSTRESS_POLL_SETTLED:-5m}",
      description = "How often a settled environment is checked, such as 5m (LOADSTRESS_POLL_SETTLED).")
  String pollSettled;

  @Option(names = "--aws-endpoint", defaultValue = "${env:LOADSTRESS_AWS_ENDPOINT:-}",
      description = "Send every AWS call to this endpoint instead of AWS; for testing only (LOADSTRESS_AWS_ENDPOINT).")
  String awsEndpoint;

  @Option(names = "--metrics-port", defaultValue = "${env:LOADSTRESS_METRICS_PORT:-8080}",
      description = "Port of /metrics, /healthz and /readyz; 0 serves none (LOADSTRESS_METRICS_PORT).")
  int metricsPort;

  @Option(names = "--leader-election", arity = "0..1", defaultValue = "${env:LOADSTRESS_LEADER_ELECTION:-false}",
      description = "Hold a Lease before reconciling, so that only one of several replicas works (LOADSTRESS_LEADER_ELECTION).")
  boolean leaderElection;

  @Option(names = "--lease-name", defaultValue = "${env:LOADSTRESS_LEASE_NAME:-loadstress-operator}",
      description = "Name of the leader-election Lease (LOADSTRESS_LEASE_NAME).")
  String leaseName;

  @Option(names = "--lease-namespace", defaultValue = "${env:LOADSTRESS_LEASE_NAMESPACE:-}",
      description = "Namespace of the Lease; by default the service account's (LOADSTRESS_LEASE_NAMESPACE).")
  String leaseNamespace;

  @Option(names = "--max-runs-per-environment", defaultValue = "${env:LOADSTRESS_MAX_RUNS_PER_ENVIRONMENT:-2}",
      description = "ScenarioRuns in flight at once on one environment; the others wait, Pending (LOADSTRESS_MAX_RUNS_PER_ENVIRONMENT).")
  int maxRunsPerEnvironment;

  @Mixin LocalProviderOptions local;

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings = settings();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    LoadstressMetrics metrics = new LoadstressMetrics(registry);
    AtomicBoolean started = new AtomicBoolean();
    HttpEndpoints endpoints = settings.metricsPort() == 0 ? null
        : HttpEndpoints.start(new InetSocketAddress(settings.metricsPort()), registry, started::get);
    KubernetesClient client = new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).build();
    AwsClients aws = new AwsClients(settings.awsEndpoint(), DefaultCredentialsProvider.builder().build(),
        List.of(new AwsCallMetrics(metrics)));
    OperatorRuntime runtime = new OperatorRuntime(client, settings, aws, Clock.systemUTC(),
        () -> SparkGeneratorArtifact.bundled().orElseThrow(() -> new IllegalStateException(
            "this operator build carries no spark-generator jar; build it with `mvn install` from the repository root")),
        metrics);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runtime.close();
        client.close();
      } catch (Exception e) {
        System.err.println("shutdown: " + e.getMessage());
      }
      if (endpoints != null) {
        endpoints.close();
      }
      stopped.countDown();
    }));
    runtime.start();
    started.set(true);
    stopped.await();
    return 0;
  }

  OperatorSettings settings() {
    Set<String> namespaces = Arrays.stream(watchNamespaces.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
    Optional<OperatorSettings.LeaderElection> lease = leaderElection
        ? Optional.of(new OperatorSettings.LeaderElection(leaseName,
            leaseNamespace.isBlank() ? Optional.empty() : Optional.of(leaseNamespace.trim())))
        : Optional.empty();
    return new OperatorSettings(namespaces,
        awsEndpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(awsEndpoint)),
        duration("--poll-in-progress", pollInProgress), duration("--poll-settled", pollSettled), metricsPort, lease, local.settings(),
        maxRunsPerEnvironment);
  }

  /** Parses 500ms, 10s, 5m or 1h. */
  static Duration duration(String option, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(option + " must be a duration such as 500ms, 10s, 5m or 1h, not '" + text + "'");
    }
  }
}
