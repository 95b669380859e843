package io.brighthive.loadstress.jobs;

/**
 * Where one environment's jobs run and where they read and write: a job runner, a store for
 * manifests and results, the data lake's URI, and the spark-generator artifact the jobs run.
 */
public interface JobRuntime {
  JobRunner runner();

  ResultStore store();

  /** The data lake root, such as s3://bucket (aws) or file:/var/lib/loadstress/ns/name (local), without a trailing slash. */
  String lakeUri();

  /** Puts the spark-generator artifact where the runner reads it, when it is missing or changed. */
  void ensureArtifact();
}
