package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change the store makes, in resourceVersion order, and the watches that follow them. The store publishes
 * while it holds its write lock, so the log order is the commit order; a watch that starts from a list's
 * resourceVersion gets exactly the changes after that list. The last {@code capacity} changes are kept; a watch
 * from an older resourceVersion gets 410 Gone, as from a real API server after compaction, and clients re-list.
 */
final class WatchHub {
  /** Identity of a stored object across versions of its API. */
  record Key(String group, String plural, String namespace, String name) {
    static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.namespace() == null ? "" : k.namespace())
        .thenComparing(Key::name);
  }

  record Change(long resourceVersion, Key key, ObjectNode previous, ObjectNode current) {}

  /** Where a watch writes: must not block, since it is called with the hub's lock held. */
  interface Sink {
    void send(String type, ObjectNode object);

    void end();
  }

  private final int capacity;
  private final Deque<Change> log = new ArrayDeque<>();
  private final Map<Key, ObjectNode> current = new HashMap<>();
  private final List<WatchSubscription> subscriptions = new ArrayList<>();
  private long compactedResourceVersion;
  private long latestResourceVersion;

  WatchHub(int capacity) {
    this.capacity = capacity;
  }

  synchronized void publish(Key key, ObjectNode previous, ObjectNode next, long resourceVersion) {
    Change change = new Change(resourceVersion, key, previous, next);
    log.addLast(change);
    while (log.size() > capacity) {
      compactedResourceVersion = log.removeFirst().resourceVersion();
    }
    latestResourceVersion = Math.max(latestResourceVersion, resourceVersion);
    if (next == null) {
      current.remove(key);
    } else {
      current.put(key, next);
    }
    for (WatchSubscription subscription : List.copyOf(subscriptions)) {
      subscription.deliver(change);
    }
  }

  /**
   * Starts a watch. Without a resourceVersion (or with "0") it first sends every matching object as ADDED, as the
   * API server does; with one, it replays the logged changes after it.
   */
  synchronized WatchSubscription subscribe(WatchQuery query, String resourceVersion, Sink sink) {
    WatchSubscription subscription = new WatchSubscription(this, query, sink);
    if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0")) {
      current.entrySet().stream()
          .filter(e -> query.covers(e.getKey()) && query.selectors().matches(e.getValue()))
          .sorted(Map.Entry.comparingByKey(Key.ORDER))
          .forEach(e -> sink.send("ADDED", e.getValue()));
    } else {
      long from = parse(resourceVersion);
      if (from < compactedResourceVersion) {
        throw new ApiException(410, "Expired", "too old resource version: " + from + " (" + compactedResourceVersion + ")", null);
      }
      log.stream().filter(c -> c.resourceVersion() > from).forEach(subscription::deliver);
    }
    subscriptions.add(subscription);
    return subscription;
  }

  synchronized void unsubscribe(WatchSubscription subscription) {
    subscriptions.remove(subscription);
  }

  synchronized List<ObjectNode> objects(String group, String plural) {
    return current.entrySet().stream()
        .filter(e -> e.getKey().group().equals(group) && e.getKey().plural().equals(plural))
        .sorted(Map.Entry.comparingByKey(Key.ORDER))
        .map(Map.Entry::getValue)
        .toList();
  }

  synchronized long latestResourceVersion() {
    return latestResourceVersion;
  }

  synchronized void endAll() {
    for (WatchSubscription subscription : List.copyOf(subscriptions)) {
      subscription.end();
    }
    subscriptions.clear();
  }

  private static long parse(String resourceVersion) {
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid resourceVersion: " + resourceVersion);
    }
  }
}
