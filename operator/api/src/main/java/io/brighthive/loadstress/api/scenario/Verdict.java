package io.brighthive.loadstress.api.scenario;

/** Outcome of a scenario or of one SLO. */
public enum Verdict {
  Passed,
  Failed
}
