package io.brighthive.loadstress.generator.data;

/**
 * Row counts derived from {@code --records} (the orders fact table). Facts scale with it;
 * dimensions stay dimension-sized.
 */
public record Sizes(
    long orders,
    long customers,
    long products,
    long entities,
    long events,
    long supportTickets,
    long queryLogs,
    int catalogTables,
    int sourceSystems,
    long lineageNodes) {

  public static Sizes forRecords(long records) {
    return new Sizes(
        records,
        clamp(records / 100, 1_000, 1_000_000),
        clamp(records / 100, 100, 10_000),
        clamp(records / 10, 1_000, 10_000_000),
        clamp(records / 4, 10_000, 250_000_000),
        clamp(records / 50, 2_000, 20_000_000),
        clamp(records / 20, 10_000, 50_000_000),
        1_000,
        50,
        50_000);
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(max, value));
  }
}
