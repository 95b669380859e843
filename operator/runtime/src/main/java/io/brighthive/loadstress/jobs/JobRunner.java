package io.brighthive.loadstress.jobs;

import java.util.Optional;

/**
 * Runs spark-generator jobs for one environment: EMR Serverless on aws, a child JVM on local.
 * Every call returns promptly; none waits for a job.
 */
public interface JobRunner {
  /** Makes sure the runtime can take jobs (starts a stopped EMR application); true when it can now. */
  boolean ready();

  /** Starts a run, or finds the one already started with the same client token. Returns its id. */
  String submit(JobRequest request);

  Optional<JobRunSnapshot> describe(String jobRunId);

  void cancel(String jobRunId);
}
