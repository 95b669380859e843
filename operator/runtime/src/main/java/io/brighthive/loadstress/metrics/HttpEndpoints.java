package io.brighthive.loadstress.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operator's one HTTP port: {@code /metrics} (Prometheus text format), {@code /healthz} (the
 * process answers) and {@code /readyz} (the operator has started). Everything else is 404; only
 * GET and HEAD are served.
 */
public final class HttpEndpoints implements AutoCloseable {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier ready;

  private HttpEndpoints(HttpServer server, PrometheusMeterRegistry registry, BooleanSupplier ready) {
    this.server = server;
    this.registry = registry;
    this.ready = ready;
    this.executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "loadstress-http");
      t.setDaemon(true);
      return t;
    });
  }

  /** Binds {@code address} (port 0 picks a free port) and starts serving. */
  public static HttpEndpoints start(InetSocketAddress address, PrometheusMeterRegistry registry, BooleanSupplier ready)
      throws IOException {
    HttpEndpoints endpoints = new HttpEndpoints(HttpServer.create(address, 16), registry, ready);
    endpoints.server.createContext("/", endpoints::handle);
    endpoints.server.setExecutor(endpoints.executor);
    endpoints.server.start();
    return endpoints;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/metrics" -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
        case "/healthz" -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n");
        case "/readyz" -> {
          boolean up = ready.getAsBoolean();
          respond(exchange, up ? 200 : 503, "text/plain; charset=utf-8", up ? "ready\n" : "not ready\n");
        }
        default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
      }
    } catch (RuntimeException e) {
      // A failing scrape or readiness check must not kill the server thread: the client sees 500.
      respond(exchange, 500, "text/plain; charset=utf-8", "error\n");
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
