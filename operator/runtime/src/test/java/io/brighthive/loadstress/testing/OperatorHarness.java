package io.brighthive.loadstress.testing;

import io.brighthive.loadstress.OperatorRuntime;
import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.aws.AwsClients;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.config.OperatorSettings;
import io.brighthive.loadstress.dev.DevApiServer;
import io.brighthive.loadstress.dev.DevApiServerOptions;
import io.brighthive.loadstress.jobs.SparkGeneratorArtifact;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The whole operator against the embedded Kubernetes API server (fabric8's mock, CRUD mode) and
 * the wire-level AWS fake. Start and stop the operator independently of both, to test restarts.
 */
public final class OperatorHarness implements AutoCloseable {
  /** Held so the setting is not garbage-collected with its logger: the mock server logs every request at INFO. */
  private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");
  private final DevApiServer server;
  private final KubernetesClient client;
  private final FakeAws aws;
  private final GeneratorStandIn generator;
  private OperatorSettings settings;
  private OperatorRuntime runtime;
  private final io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry =
      new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
  private final io.brighthive.loadstress.metrics.LoadstressMetrics metrics = new io.brighthive.loadstress.metrics.LoadstressMetrics(registry);
  private io.brighthive.loadstress.metrics.HttpEndpoints endpoints;

  /**
   * @param dataDir the local provider's work directory; its spark-generator home is the one the
   *     reactor built (spark-generator/target/local-run, found from the working directory up)
   */
  public OperatorHarness(Path dataDir) {
    aws = new FakeAws().start();
    generator = GeneratorStandIn.install(aws);
    // The product's embedded API server: fabric8's CRUD mock behind a dispatcher that also fixes its
    // merge patches (the bare mock appends to arrays, so conditions would pile up).
    server = DevApiServer.start(DevApiServerOptions.defaults());
    client = server.client();
    settings = new OperatorSettings(Set.of(), Optional.of(aws.endpoint()), Duration.ofMillis(200), Duration.ofSeconds(2), 8080,
        Optional.empty(), new OperatorSettings.Local(dataDir, Optional.empty(), "1g", OptionalInt.of(2), 2),
        OperatorSettings.DEFAULT_MAX_RUNS_PER_ENVIRONMENT);
  }

  /** Other local provider settings for the next {@link #startOperator}, such as a missing spark-generator home. */
  public OperatorHarness local(OperatorSettings.Local local) {
    settings = settings.withLocal(local);
    return this;
  }

  public OperatorSettings settings() {
    return settings;
  }

  public OperatorHarness startOperator() {
    var clients = new AwsClients(Optional.of(aws.endpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
        java.util.List.of(new io.brighthive.loadstress.metrics.AwsCallMetrics(metrics)));
    runtime = new OperatorRuntime(client, settings, clients, Clock.systemUTC(),
        () -> SparkGeneratorArtifact.of("spark-generator stand-in".getBytes(java.nio.charset.StandardCharsets.UTF_8)), metrics);
    runtime.start();
    return this;
  }

  /** What the operator's /metrics endpoint serves now (Prometheus text format). */
  public String scrape() throws java.io.IOException, InterruptedException {
    if (endpoints == null) {
      endpoints = io.brighthive.loadstress.metrics.HttpEndpoints.start(
          new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), registry, () -> true);
    }
    var http = java.net.http.HttpClient.newHttpClient();
    var response = http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + endpoints.port() + "/metrics")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  public io.brighthive.loadstress.api.ScenarioRun run(String namespace, String name) {
    return client.resources(io.brighthive.loadstress.api.ScenarioRun.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the run satisfies {@code condition}; on time-out the failure shows its last status. */
  public io.brighthive.loadstress.api.ScenarioRun awaitRun(String namespace, String name,
      java.util.function.Predicate<io.brighthive.loadstress.api.ScenarioRun> condition) {
    try {
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(100))
          .until(() -> {
            var run = run(namespace, name);
            return run != null && run.getStatus() != null && condition.test(run);
          });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      var run = run(namespace, name);
      throw new AssertionError("timed out waiting for ScenarioRun " + namespace + "/" + name + "; its status: "
          + (run == null ? "gone" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(run.getStatus())), e);
    }
    return run(namespace, name);
  }

  public void stopOperator() throws Exception {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }

  /** A kubeconfig for the real kubectl against this harness's API server. */
  public Path kubeconfig() {
    return server.kubeconfig();
  }

  public KubernetesClient client() {
    return client;
  }

  public GeneratorStandIn generator() {
    return generator;
  }

  public FakeAws aws() {
    return aws;
  }

  public LoadstressEnvironment environment(String namespace, String name) {
    return client.resources(LoadstressEnvironment.class).inNamespace(namespace).withName(name).get();
  }

  private static java.util.logging.Logger quiet(String name) {
    var logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  public java.util.List<io.fabric8.kubernetes.api.model.Event> events(String namespace, String involvedName) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> involvedName.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  /** Waits until the environment satisfies {@code condition}; on time-out the failure shows its last status. */
  public io.brighthive.loadstress.api.LoadstressEnvironment awaitEnvironment(
      String namespace, String name, java.util.function.Predicate<io.brighthive.loadstress.api.LoadstressEnvironment> condition) {
    return awaitEnvironment(namespace, name, java.time.Duration.ofSeconds(60), condition);
  }

  /** As above, with a time limit of its own. */
  public io.brighthive.loadstress.api.LoadstressEnvironment awaitEnvironment(String namespace, String name, java.time.Duration limit,
      java.util.function.Predicate<io.brighthive.loadstress.api.LoadstressEnvironment> condition) {
    try {
      org.awaitility.Awaitility.await().atMost(limit).pollInterval(java.time.Duration.ofMillis(200))
          .until(() -> {
            var env = environment(namespace, name);
            return env != null && env.getStatus() != null && condition.test(env);
          });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      var env = environment(namespace, name);
      throw new AssertionError("timed out waiting for " + namespace + "/" + name + "; its status: "
          + (env == null ? "gone" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(env.getStatus())), e);
    }
    return environment(namespace, name);
  }

  /** Waits until the environment is gone; on time-out the failure shows its last status. */
  public void awaitGone(String namespace, String name, java.time.Duration limit) {
    try {
      org.awaitility.Awaitility.await().atMost(limit).pollInterval(java.time.Duration.ofMillis(200))
          .until(() -> environment(namespace, name) == null);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      var env = environment(namespace, name);
      throw new AssertionError(namespace + "/" + name + " is still there after " + limit + "; its status: "
          + (env == null ? "gone" : io.fabric8.kubernetes.client.utils.Serialization.asYaml(env.getStatus())), e);
    }
  }

  @Override
  public void close() throws Exception {
    stopOperator();
    if (endpoints != null) {
      endpoints.close();
    }
    client.close();
    server.close();
    aws.close();
  }
}
