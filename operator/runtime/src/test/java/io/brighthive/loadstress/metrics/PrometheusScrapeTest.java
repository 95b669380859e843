package io.brighthive.loadstress.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.environment.EnvironmentController;
import io.brighthive.loadstress.environment.Intervals;
import io.brighthive.loadstress.environment.LoadstressEnvironmentReconciler;
import io.brighthive.loadstress.kube.EventRecorder;
import io.brighthive.loadstress.testing.Environments;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * A real Prometheus scrapes a running operator: JOSDK with its Micrometer metrics, the
 * LoadstressEnvironment reconciler against the embedded API server, AWS SDK calls counted by
 * AwsCallMetrics against the wire-level fake, all served by HttpEndpoints; then PromQL finds the
 * domain and controller metrics. Needs Debian's prometheus package (.ci/run installs it).
 */
class PrometheusScrapeTest {
  /** Held so the setting outlives this class's loading: the mock server logs every request at INFO. */
  private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");
  @TempDir
  Path dir;

  @Test
  void prometheusScrapesTheOperatorAndPromqlFindsItsMetrics() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LoadstressMetrics metrics = new LoadstressMetrics(registry);
    AtomicBoolean started = new AtomicBoolean();
    KubernetesMockServer kube = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of()), false);
    kube.init();
    try (FakeAws aws = new FakeAws().start();
        KubernetesClient client = kube.createClient(b -> b.withHttpClientFactory(new JdkHttpClientFactory()));
        HttpEndpoints endpoints = HttpEndpoints.start(new InetSocketAddress("127.0.0.1", 0), registry, started::get);
        PrometheusServer prometheus = PrometheusServer.scraping(endpoints.port(), dir)) {
      Operator operator = new Operator(o -> o.withKubernetesClient(client)
          .withUseSSAToPatchPrimaryResource(false)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withCloseClientOnStop(false)
          .withInformerStoppedHandler((informer, ex) -> { })
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry)));
      // No provider: every environment fails fast with ProviderNotAvailable, which is a whole reconciliation.
      EnvironmentController controller = new EnvironmentController(Map.of(), EventRecorder.NONE, Clock.systemUTC(), Intervals.DEFAULT,
          metrics);
      operator.register(new LoadstressEnvironmentReconciler(controller, Intervals.DEFAULT));
      try {
        operator.start();
        started.set(true);
        client.resource(Environments.aws("team-a", "subset", Mode.SUBSET)).create();
        await().atMost(Duration.ofSeconds(30)).until(() -> phase(client) != null);

        CloudFormationClient cfn = aws.cloudFormation(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(new AwsCallMetrics(metrics))));
        cfn.listStacks();
        cfn.listStacks();
        assertThat(catchThrowable(() -> cfn.describeStacks(b -> b.stackName("ls-team-a-subset-vpc")))).isNotNull();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .failFast("Prometheus exited:\n" + prometheus.log(), () -> !prometheus.alive())
            .until(() -> "up".equals(prometheus.targetHealth()));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
            .until(() -> !prometheus.query("loadstress_aws_calls_total").isEmpty());
        JsonNode calls = prometheus.query("sum by (outcome) (loadstress_aws_calls_total{service=\"cloudformation\"})");
        assertThat(values(calls)).containsEntry("success", 2.0).containsEntry("client_error", 1.0);

        JsonNode failed = prometheus.query("loadstress_environments{phase=\"Failed\"}");
        assertThat(values(failed)).containsValue(1.0);

        JsonNode reconciliations = prometheus.query("sum by (kind) (operator_sdk_reconciliations_started_total)");
        assertThat(values(reconciliations)).hasEntrySatisfying("LoadstressEnvironment", v -> assertThat(v).isGreaterThanOrEqualTo(1.0));
        assertThat(prometheus.query("operator_sdk_controllers_execution_reconcile_seconds_bucket")).isNotEmpty();
      } finally {
        operator.stop();
      }
    } finally {
      kube.destroy();
    }
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static io.brighthive.loadstress.api.environment.EnvironmentPhase phase(KubernetesClient client) {
    LoadstressEnvironment env = client.resources(LoadstressEnvironment.class).inNamespace("team-a").withName("subset").get();
    return env == null || env.getStatus() == null ? null : env.getStatus().getPhase();
  }

  /** The first label of each series (or "" without labels) to its value. */
  private static Map<String, Double> values(JsonNode result) {
    Map<String, Double> values = new HashMap<>();
    for (JsonNode series : result) {
      var labels = series.path("metric").fields();
      String key = "";
      while (labels.hasNext()) {
        var label = labels.next();
        if (!label.getKey().equals("__name__") && !label.getKey().equals("job") && !label.getKey().equals("instance")) {
          key = label.getValue().asText();
          break;
        }
      }
      values.put(key, series.path("value").get(1).asDouble());
    }
    return values;
  }
}
