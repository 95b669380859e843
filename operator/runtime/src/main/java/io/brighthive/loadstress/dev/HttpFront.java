package io.brighthive.loadstress.dev;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener. fabric8's MockWebServer writes each response as one body and upgrades watches to WebSockets
 * only, so kubectl's streaming watches need a listener of their own; this one is Vert.x, as the mock's is. Requests
 * run on worker threads; watches stream from the {@link WatchHub} over chunked HTTP or a WebSocket, whichever the
 * client opens.
 */
final class HttpFront implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(8));
  private final Router router;
  private final WatchHub hub;
  private final TableConverter tables;
  private final Duration bookmarkInterval;
  private HttpServer server;

  HttpFront(Router router, WatchHub hub, TableConverter tables, Duration bookmarkInterval) {
    this.router = router;
    this.hub = hub;
    this.tables = tables;
    this.bookmarkInterval = bookmarkInterval;
  }

  /** Listens and returns the port (useful when {@code port} is 0). */
  int start(String host, int port) {
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
        .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(16 << 20).setHandle100ContinueAutomatically(true);
    server = vertx.createHttpServer(options).requestHandler(this::onRequest);
    return await(server.listen()).actualPort();
  }

  private void onRequest(HttpServerRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + "," + b));
    if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      onWebSocket(request, ApiRequest.of(request.method().name(), request.uri(), headers, new byte[0]));
      return;
    }
    Future<Buffer> body = hasBody(request) ? request.body() : Future.succeededFuture(Buffer.buffer());
    body.onFailure(e -> reply(request, new ApiException(400, "BadRequest", e.getMessage(), null).toResponse()))
        .onSuccess(bytes -> {
          ApiRequest apiRequest = ApiRequest.of(request.method().name(), request.uri(), headers, bytes.getBytes());
          vertx.executeBlocking(() -> router.route(apiRequest), false).onComplete(result -> {
            if (result.failed()) {
              LOG.warn("{} {} failed", request.method(), request.uri(), result.cause());
              reply(request, new ApiException(500, "InternalError", String.valueOf(result.cause()), null).toResponse());
            } else if (result.result() instanceof Router.Watch watch) {
              streamOverHttp(request, watch.plan());
            } else {
              reply(request, ((Router.Reply) result.result()).response());
            }
          });
        });
  }

  private void onWebSocket(HttpServerRequest request, ApiRequest apiRequest) {
    if (!(router.route(apiRequest) instanceof Router.Watch watch)) {
      reply(request, ApiException.badRequest("WebSocket upgrades are only served for watches").toResponse());
      return;
    }
    request.toWebSocket().onFailure(e -> LOG.debug("WebSocket upgrade failed", e)).onSuccess(socket -> {
      LOG.debug("watch over a WebSocket: {}", request.uri());
      Runnable onClose = WatchStream.open(vertx, hub, watch.plan(), tables, bookmarkInterval, new WatchStream.Transport() {
        @Override
        public void write(String message) {
          socket.writeTextMessage(message);
        }

        @Override
        public void end() {
          socket.close();
        }
      });
      socket.closeHandler(v -> onClose.run());
      socket.exceptionHandler(e -> onClose.run());
    });
  }

  private void streamOverHttp(HttpServerRequest request, WatchPlan plan) {
    LOG.debug("watch over HTTP: {}", request.uri());
    HttpServerResponse response = request.response().setStatusCode(200)
        .putHeader("Content-Type", ApiResponse.JSON).putHeader("Cache-Control", "no-cache, private");
    if (request.version() != HttpVersion.HTTP_2) {
      response.setChunked(true);
    }
    Runnable onClose = WatchStream.open(vertx, hub, plan, tables, bookmarkInterval, new WatchStream.Transport() {
      @Override
      public void write(String message) {
        if (!response.ended() && !response.closed()) {
          response.write(message + "\n");
        }
      }

      @Override
      public void end() {
        if (!response.ended() && !response.closed()) {
          response.end();
        }
      }
    });
    if (!response.headWritten() && !response.ended()) {
      response.writeHead();
    }
    response.closeHandler(v -> onClose.run());
    response.exceptionHandler(e -> onClose.run());
    response.endHandler(v -> onClose.run());
  }

  private static void reply(HttpServerRequest request, ApiResponse response) {
    HttpServerResponse http = request.response().setStatusCode(response.status())
        .putHeader("Content-Type", response.contentType()).putHeader("Cache-Control", "no-cache, private");
    response.warnings().forEach(w -> http.headers().add("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
    http.end(Buffer.buffer(response.body()));
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    return length != null && !length.isBlank() && Long.parseLong(length.trim()) > 0
        || request.getHeader("Content-Type") != null || request.getHeader("Transfer-Encoding") != null;
  }

  @Override
  public void close() {
    hub.endAll();
    if (server != null) {
      await(server.close());
    }
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("the dev API server's listener failed", e);
    }
  }
}
