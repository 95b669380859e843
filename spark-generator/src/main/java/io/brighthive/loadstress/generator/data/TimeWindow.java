package io.brighthive.loadstress.generator.data;

import java.time.Instant;
import java.time.LocalDate;

/** Fixed calendar anchors: generated data must not depend on the day the job runs. */
public final class TimeWindow {

  public static final long FACTS_START = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
  public static final long FACTS_END = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
  public static final LocalDate DIMENSIONS_START = LocalDate.of(2015, 1, 1);
  /** The "now" of the generated world: query-log recency and zombie tables are judged against it. */
  public static final Instant AS_OF = Instant.ofEpochSecond(FACTS_END);

  private TimeWindow() {}
}
