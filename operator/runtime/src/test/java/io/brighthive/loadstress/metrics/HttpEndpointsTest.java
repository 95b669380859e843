package io.brighthive.loadstress.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.api.environment.EnvironmentPhase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean started = new AtomicBoolean();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpEndpoints endpoints;

  @BeforeEach
  void start() throws Exception {
    endpoints = HttpEndpoints.start(new InetSocketAddress("127.0.0.1", 0), registry, started::get);
  }

  @AfterEach
  void stop() {
    endpoints.close();
  }

  @Test
  void metricsServesThePrometheusTextFormat() throws Exception {
    new LoadstressMetrics(registry).environmentPhase("uid", EnvironmentPhase.Ready);
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpEndpoints.PROMETHEUS_TEXT);
    assertThat(response.body()).contains("# TYPE loadstress_environments gauge")
        .contains("loadstress_environments{phase=\"Ready\"} 1");
  }

  @Test
  void healthzAnswersWhileTheProcessLives() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void readyzFollowsTheOperatorsStart() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
    started.set(true);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingReadinessCheckIsA500AndTheServerKeepsServing() throws Exception {
    endpoints.close();
    endpoints = HttpEndpoints.start(new InetSocketAddress("127.0.0.1", 0), registry, () -> {
      throw new IllegalStateException("boom");
    });
    assertThat(get("/readyz").statusCode()).isEqualTo(500);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/metrics/extra").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + endpoints.port() + path);
  }
}
