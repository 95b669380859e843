package io.brighthive.loadstress.generator.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Where the unique search markers go: one per equal slice of the events table, at a seeded offset. */
public record NeedlePlan(List<Needle> needles) {

  public static final int COUNT = 8;
  private static final long SALT = 0x6E656564_6C657321L;

  public record Needle(long eventId, String marker) {}

  public static NeedlePlan forEvents(long seed, long events) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    long slice = events / COUNT;
    List<Needle> needles = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      long position = i * slice + random.nextLong(slice);
      String marker = "NEEDLE-" + String.format("%016x", random.nextLong());
      needles.add(new Needle(position, marker));
    }
    return new NeedlePlan(List.copyOf(needles));
  }
}
