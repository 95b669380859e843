package io.brighthive.loadstress.jobs.local;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What one local job may use, and how many run at once across the operator.
 *
 * @param heap the job JVM's maximum heap, in -Xmx syntax such as 3g or 512m
 * @param cores Spark's local[cores] and the JVM's processor count
 * @param maxConcurrent jobs running at once across every environment; more wait in a queue
 * @param stopGrace how long a cancelled job may take to stop before it is killed
 */
public record LocalJobLimits(String heap, int cores, int maxConcurrent, Duration stopGrace) {
  private static final Pattern HEAP = Pattern.compile("^[1-9][0-9]*[kKmMgG]?$");

  public LocalJobLimits {
    if (heap == null || !HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException("the local job heap must be a size such as 3g or 512m, not '" + heap + "'");
    }
    if (cores < 1) {
      throw new IllegalArgumentException("local jobs need at least one core, not " + cores);
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("at least one local job must be allowed to run, not " + maxConcurrent);
    }
    if (stopGrace.isNegative()) {
      throw new IllegalArgumentException("the stop grace period cannot be negative");
    }
  }
}
