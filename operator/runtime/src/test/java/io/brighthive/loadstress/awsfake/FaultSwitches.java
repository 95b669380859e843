package io.brighthive.loadstress.awsfake;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Failure switches of one service, keyed by operation name; {@link #ANY} matches every operation. */
final class FaultSwitches {

  static final String ANY = "*";

  private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final Set<String> denied = ConcurrentHashMap.newKeySet();

  void throttle(String operation, int times) {
    throttles.computeIfAbsent(operation, k -> new AtomicInteger()).addAndGet(times);
  }

  void serverErrors(String operation, int times) {
    serverErrors.computeIfAbsent(operation, k -> new AtomicInteger()).addAndGet(times);
  }

  void delay(String operation, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      delays.remove(operation);
    } else {
      delays.put(operation, delay);
    }
  }

  void deny(String operation, boolean deny) {
    if (deny) {
      denied.add(operation);
    } else {
      denied.remove(operation);
    }
  }

  boolean takeThrottle(String operation) {
    return take(throttles, operation) || take(throttles, ANY);
  }

  boolean takeServerError(String operation) {
    return take(serverErrors, operation) || take(serverErrors, ANY);
  }

  boolean isDenied(String operation) {
    return denied.contains(operation) || denied.contains(ANY);
  }

  Duration delayOf(String operation) {
    Duration own = delays.get(operation);
    return own != null ? own : delays.getOrDefault(ANY, Duration.ZERO);
  }

  void clear() {
    throttles.clear();
    serverErrors.clear();
    delays.clear();
    denied.clear();
  }

  private static boolean take(Map<String, AtomicInteger> counters, String operation) {
    AtomicInteger left = counters.get(operation);
    return left != null && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
