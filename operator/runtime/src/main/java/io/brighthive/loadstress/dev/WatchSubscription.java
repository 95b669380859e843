package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open watch. An object that starts or stops matching the selectors arrives as ADDED or DELETED, as the API
 * server's watch cache reports it; a deleted object carries the deletion's resourceVersion and no finalizers.
 */
final class WatchSubscription {
  private final WatchHub hub;
  private final WatchQuery query;
  private final WatchHub.Sink sink;
  private final AtomicBoolean open = new AtomicBoolean(true);

  WatchSubscription(WatchHub hub, WatchQuery query, WatchHub.Sink sink) {
    this.hub = hub;
    this.query = query;
    this.sink = sink;
  }

  void deliver(WatchHub.Change change) {
    if (!open.get() || !query.covers(change.key())) {
      return;
    }
    boolean before = change.previous() != null && query.selectors().matches(change.previous());
    boolean after = change.current() != null && query.selectors().matches(change.current());
    if (before && after) {
      sink.send("MODIFIED", change.current());
    } else if (after) {
      sink.send("ADDED", change.current());
    } else if (before) {
      sink.send("DELETED", lastState(change));
    }
  }

  private static ObjectNode lastState(WatchHub.Change change) {
    ObjectNode last = (change.current() != null ? change.current() : change.previous()).deepCopy();
    ObjectNode metadata = (ObjectNode) last.path("metadata");
    metadata.put("resourceVersion", String.valueOf(change.resourceVersion()));
    if (change.current() == null) {
      metadata.remove("finalizers");
    }
    return last;
  }

  /** Sends a BOOKMARK carrying the latest resourceVersion, for clients that asked for bookmarks. */
  void bookmark(String apiVersion, String kind) {
    synchronized (hub) {
      if (open.get()) {
        ObjectNode object = Json.object().put("kind", kind).put("apiVersion", apiVersion);
        object.putObject("metadata").put("resourceVersion", String.valueOf(hub.latestResourceVersion()));
        sink.send("BOOKMARK", object);
      }
    }
  }

  /** Closes the watch from the client's side (it went away); nothing more is written. */
  void cancel() {
    if (open.compareAndSet(true, false)) {
      hub.unsubscribe(this);
    }
  }

  /** Ends the watch from the server's side: timeout or shutdown. */
  void end() {
    if (open.compareAndSet(true, false)) {
      hub.unsubscribe(this);
      sink.end();
    }
  }
}
