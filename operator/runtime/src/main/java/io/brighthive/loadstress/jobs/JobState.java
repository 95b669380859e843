package io.brighthive.loadstress.jobs;

/** Where a job run is, in the words both providers share (EMR Serverless's states). */
public enum JobState {
  SUBMITTED(false),
  PENDING(false),
  SCHEDULED(false),
  RUNNING(false),
  SUCCESS(true),
  FAILED(true),
  CANCELLING(false),
  CANCELLED(true);

  private final boolean finished;

  JobState(boolean finished) {
    this.finished = finished;
  }

  public boolean finished() {
    return finished;
  }

  /** EMR Serverless answers QUEUED too; unknown words count as SUBMITTED so nothing is mistaken for an end. */
  public static JobState fromAws(String state) {
    if (state == null) {
      return SUBMITTED;
    }
    return switch (state) {
      case "QUEUED" -> PENDING;
      default -> {
        try {
          yield valueOf(state);
        } catch (IllegalArgumentException e) {
          yield SUBMITTED;
        }
      }
    };
  }
}
