package io.brighthive.loadstress.environment;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentStatus;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.jobs.JobRuntime;

/**
 * Builds and removes the stacks of an environment, one short step per call: each call observes,
 * makes at most a few API calls and returns what it saw, writing stack states into the status.
 */
public interface Infrastructure {
  InfraReport converge(LoadstressEnvironment environment, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status);

  /** Where the ready environment's jobs run; call only once {@link #converge} reported READY. */
  JobRuntime jobs(LoadstressEnvironment environment, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status);

  InfraReport teardown(LoadstressEnvironment environment, ResolvedEnvironment resolved, LoadstressEnvironmentStatus status);
}
