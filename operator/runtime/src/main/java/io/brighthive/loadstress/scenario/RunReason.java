package io.brighthive.loadstress.scenario;

/** Machine-readable reasons of a ScenarioRun's conditions and events. */
public enum RunReason {
  InvalidSpec,
  EnvironmentNotFound,
  EnvironmentNotReady,
  DataNotReady,
  WaitingForSlot,
  ProviderNotAvailable,
  Submitting,
  Submitted,
  Running,
  Retrying,
  Succeeded,
  Failed,
  ResultMissing,
  TimedOut,
  Cancelled,
  EnvironmentDeleted,
  Expired
}
