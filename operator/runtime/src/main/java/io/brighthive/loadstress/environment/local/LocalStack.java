package io.brighthive.loadstress.environment.local;

import io.brighthive.loadstress.environment.render.Component;
import io.brighthive.loadstress.environment.render.StackOutputs;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import io.brighthive.loadstress.jobs.local.EnvironmentDirs;
import io.brighthive.loadstress.jobs.local.FileResultStore;
import io.brighthive.loadstress.jobs.local.LocalJobLimits;
import io.brighthive.loadstress.jobs.local.SparkGeneratorHome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What stands in for one of the five stacks on the local provider: the directory it is (if any),
 * its outputs, and a phrase for people.
 */
record LocalStack(Component component, Optional<Path> dir, Map<String, String> outputs, String what) {
  static final String WORK_DIR = "WorkDir";
  static final String LAKE_URI = "LakeUri";
  static final String LAKE_PATH = "LakePath";
  static final String ENGINE = "Engine";
  static final String WAREHOUSE_PATH = "WarehousePath";
  static final String JOB_RUNNER = "JobRunner";
  static final String SPARK_GENERATOR_HOME = "SparkGeneratorHome";
  static final String JOBS_DIR = "JobsDir";
  static final String LOG_DIRECTORY = "LogDirectory";
  static final String DUCKDB = "DuckDB (embedded, over the lake's Parquet files)";

  static LocalStack of(Component component, EnvironmentDirs dirs, ResolvedEnvironment env, SparkGeneratorHome home,
      LocalJobLimits limits) {
    Path warehouse = dirs.lake().resolve("warehouse");
    return switch (component) {
      case VPC -> new LocalStack(component, Optional.of(dirs.root()), outputs(WORK_DIR, dirs.root().toString()),
          "the environment's own directory " + dirs.root() + " (no network of its own)");
      case DATA_LAKE -> new LocalStack(component, Optional.of(dirs.lake()),
          outputs(LAKE_URI, FileResultStore.uriOf(dirs.lake()), LAKE_PATH, dirs.lake().toString()),
          "data lake directory " + dirs.lake());
      case REDSHIFT -> new LocalStack(component, Optional.empty(),
          outputs(ENGINE, DUCKDB, WAREHOUSE_PATH, warehouse.toString(), StackOutputs.REDSHIFT_DATABASE, env.redshift().database()),
          "warehouse " + DUCKDB + " at " + warehouse);
      case EMR -> new LocalStack(component, Optional.of(dirs.jobs()),
          outputs(JOB_RUNNER, runner(limits), SPARK_GENERATOR_HOME, home.dir().toString(), JOBS_DIR, dirs.jobs().toString()),
          "jobs run as " + runner(limits) + " from " + home.dir());
      case MONITORING -> new LocalStack(component, Optional.of(dirs.jobs()), outputs(LOG_DIRECTORY, dirs.jobs().toString()),
          "each job's log is " + dirs.jobs() + "/<job run id>/job.log");
    };
  }

  static String runner(LocalJobLimits limits) {
    return "child JVMs in Spark local mode (local[" + limits.cores() + "], heap " + limits.heap() + ", at most "
        + limits.maxConcurrent() + " at once across the operator)";
  }

  /** The stack's id: where it lives. */
  String id(EnvironmentDirs dirs) {
    return dir.map(FileResultStore::uriOf).orElseGet(() -> "duckdb:" + dirs.lake().resolve("warehouse"));
  }

  private static Map<String, String> outputs(String... keysAndValues) {
    Map<String, String> outputs = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      outputs.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return outputs;
  }
}
