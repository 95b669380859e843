package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Streams one watch: each event is one JSON {@code WatchEvent} written as one line of a chunked HTTP response
 * ({@code kubectl get -w}, fabric8's HTTP watch) or as one WebSocket text message (fabric8's default watch). Events
 * are rendered as Tables when the client asked for them. Writes are handed to the connection's event loop in the
 * order the hub produces them.
 */
final class WatchStream implements WatchHub.Sink {
  /** How to write to the client and how to finish. */
  interface Transport {
    void write(String message);

    void end();
  }

  private final Context context;
  private final Transport transport;
  private final WatchPlan plan;
  private final TableConverter tables;
  private final List<Long> timers = new CopyOnWriteArrayList<>();
  private volatile WatchSubscription subscription;

  private WatchStream(Context context, Transport transport, WatchPlan plan, TableConverter tables) {
    this.context = context;
    this.transport = transport;
    this.plan = plan;
    this.tables = tables;
  }

  /**
   * Subscribes and returns a callback to run when the client goes away. A resourceVersion that is too old ends the
   * stream with an ERROR event carrying a 410 Status, to which clients answer by listing again.
   */
  static Runnable open(Vertx vertx, WatchHub hub, WatchPlan plan, TableConverter tables, Duration bookmarkInterval,
      Transport transport) {
    WatchStream stream = new WatchStream(vertx.getOrCreateContext(), transport, plan, tables);
    try {
      stream.subscription = hub.subscribe(plan.query(), plan.resourceVersion(), stream);
    } catch (ApiException e) {
      stream.send("ERROR", e.status());
      stream.end();
      return () -> { };
    }
    stream.timers.add(vertx.setTimer(Math.max(1, plan.timeout().toMillis()), id -> stream.subscription.end()));
    if (plan.bookmarks()) {
      String apiVersion = plan.resource().apiVersion();
      stream.timers.add(vertx.setPeriodic(bookmarkInterval.toMillis(),
          id -> stream.subscription.bookmark(apiVersion, plan.resource().kind())));
    }
    return () -> stream.close(vertx);
  }

  @Override
  public void send(String type, ObjectNode object) {
    ObjectNode rendered = object;
    if (plan.table() && !type.equals("BOOKMARK") && !type.equals("ERROR")) {
      String version = object.path("metadata").path("resourceVersion").asText();
      rendered = tables.table(plan.resource(), List.of(object), version, plan.includeObject());
    }
    ObjectNode event = Json.object().put("type", type);
    event.set("object", rendered);
    String message = Json.text(event);
    context.runOnContext(v -> safely(() -> transport.write(message)));
  }

  @Override
  public void end() {
    context.runOnContext(v -> safely(transport::end));
  }

  private void close(Vertx vertx) {
    timers.forEach(vertx::cancelTimer);
    if (subscription != null) {
      subscription.cancel();
    }
  }

  private void safely(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      // The client went away between the event and the write.
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }
}
