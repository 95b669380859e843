package io.brighthive.loadstress.jobs.local;

import java.time.Instant;
import java.util.Optional;

/**
 * A process as recorded on disk: its pid and when it started. The start time tells a live job
 * from an unrelated process that got the same pid after the job ended.
 *
 * @param start ISO-8601 start instant, or null when the platform does not report one
 */
public record ProcessRef(long pid, String start) {
  public static ProcessRef of(ProcessHandle handle) {
    return new ProcessRef(handle.pid(), handle.info().startInstant().map(Instant::toString).orElse(null));
  }

  /** The process, when it still runs and is the one recorded. */
  public Optional<ProcessHandle> live() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::sameStart);
  }

  private boolean sameStart(ProcessHandle handle) {
    Optional<Instant> actual = handle.info().startInstant();
    return start == null || actual.isEmpty() || actual.get().equals(Instant.parse(start));
  }
}
