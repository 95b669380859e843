package io.brighthive.loadstress.jobs.local;

import io.brighthive.loadstress.jobs.JobRunner;
import io.brighthive.loadstress.jobs.JobRuntime;
import io.brighthive.loadstress.jobs.ResultStore;
import java.nio.file.Path;

/** Jobs of a local environment: child JVMs over its lake directory, results as files. */
public final class LocalJobRuntime implements JobRuntime {
  private final LocalJobs jobs;
  private final LocalJobRunner runner;
  private final Path lake;
  private final FileResultStore store = new FileResultStore();

  public LocalJobRuntime(LocalJobs jobs, String namespace, String name) {
    this.jobs = jobs;
    this.runner = jobs.runner(namespace, name);
    this.lake = jobs.dirs(namespace, name).lake();
  }

  @Override
  public JobRunner runner() {
    return runner;
  }

  @Override
  public ResultStore store() {
    return store;
  }

  @Override
  public String lakeUri() {
    return FileResultStore.uriOf(lake);
  }

  /** Jobs run straight from the spark-generator home: nothing to copy, but it must be there. */
  @Override
  public void ensureArtifact() {
    SparkGeneratorHomeLocator.Lookup lookup = jobs.home();
    if (lookup.home().isEmpty()) {
      throw new IllegalStateException(lookup.problem());
    }
  }
}
