package io.brighthive.loadstress.awsfake;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls received per operation, failed ones included. */
final class CallCounter {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();

  void record(String operation, boolean write) {
    calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    total.incrementAndGet();
    if (write) {
      writes.incrementAndGet();
    }
  }

  int calls(String operation) {
    AtomicInteger n = calls.get(operation);
    return n == null ? 0 : n.get();
  }

  int total() {
    return total.get();
  }

  int writes() {
    return writes.get();
  }

  Map<String, Integer> snapshot() {
    Map<String, Integer> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  void clear() {
    calls.clear();
    total.set(0);
    writes.set(0);
  }
}
