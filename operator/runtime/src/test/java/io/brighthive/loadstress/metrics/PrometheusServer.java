package io.brighthive.loadstress.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) on 127.0.0.1, with its own
 * configuration and storage in a temporary directory, started and stopped by the test.
 */
final class PrometheusServer implements AutoCloseable {
  static final Path BINARY = Path.of(System.getenv().getOrDefault("PROMETHEUS_BIN", "/usr/bin/prometheus"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final Path dir;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PrometheusServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts Prometheus scraping {@code 127.0.0.1:targetPort} every second. */
  static PrometheusServer scraping(int targetPort, Path dir) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError("Prometheus is not installed at " + BINARY + ": install Debian's package with"
          + " 'apt-get install -y prometheus' (.ci/run does), or set PROMETHEUS_BIN");
    }
    String config;
    try (InputStream in = PrometheusServer.class.getResourceAsStream("/prometheus/prometheus.yml")) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@TARGET@", "127.0.0.1:" + targetPort);
    }
    Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
    int port = freePort();
    Process process = new ProcessBuilder(BINARY.toString(),
        "--config.file=" + configFile,
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
    return new PrometheusServer(process, dir, port);
  }

  /** The health of the one scrape target, "unknown" until Prometheus has tried it. */
  String targetHealth() throws IOException, InterruptedException {
    JsonNode targets = get("/api/v1/targets").path("data").path("activeTargets");
    return targets.isEmpty() ? "unknown" : targets.get(0).path("health").asText();
  }

  /** The instant vector of a PromQL query, as Prometheus's JSON {@code data.result}. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    if (!"success".equals(answer.path("status").asText())) {
      throw new AssertionError("query " + promql + " failed: " + answer);
    }
    return answer.path("data").path("result");
  }

  String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
