package io.brighthive.loadstress.api.environment;

/** Where an environment is in its life. */
public enum EnvironmentPhase {
  Pending,
  Provisioning,
  Generating,
  Ready,
  Updating,
  Suspended,
  Failed,
  Deleting
}
