package io.brighthive.loadstress.status;

/** Machine-readable reasons of loadstress conditions and events. */
public enum Reason {
  SpecValid,
  InvalidSpec,
  WaitingForDependencies,
  Creating,
  Updating,
  PreparingUpdate,
  Deleting,
  Recreating,
  StackMissing,
  Ready,
  NotReady,
  CreateFailed,
  UpdateFailed,
  ChangeSetFailed,
  DeleteFailed,
  StackNotOwned,
  StackFailed,
  AwsAccessDenied,
  AwsRequestRejected,
  AwsUnavailable,
  Expired,
  Retained,
  Deleted,
  EmptyingBucket,
  ResumingCluster,
  ProviderNotAvailable
}
