package io.brighthive.loadstress.api.scenario;

/** Where a ScenarioRun is in its life. */
public enum RunPhase {
  Pending(false),
  Submitted(false),
  Running(false),
  Succeeded(true),
  Failed(true),
  TimedOut(true),
  Cancelled(true);

  private final boolean finished;

  RunPhase(boolean finished) {
    this.finished = finished;
  }

  public boolean isFinished() {
    return finished;
  }
}
