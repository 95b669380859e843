package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The marker syntax of the planted needles, and seeded decoy markers that the generator never writes. */
final class S12Markers {

  static final String PREFIX = "NEEDLE-";
  static final String PATTERN = "NEEDLE-[0-9a-f]{16}";
  private static final long SALT = 0x64_65_63_6f_79_73_21_21L;

  private S12Markers() {}

  /** {@code count} markers of the needle syntax from a stream the generator's needle plan does not use. */
  static List<String> decoys(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    List<String> markers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      markers.add(PREFIX + String.format("%016x", random.nextLong()));
    }
    return markers;
  }
}
