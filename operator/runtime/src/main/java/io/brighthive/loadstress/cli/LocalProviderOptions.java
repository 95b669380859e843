package io.brighthive.loadstress.cli;

import io.brighthive.loadstress.config.OperatorSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** The local provider's options, shared by {@code run} and {@code dev}. */
public final class LocalProviderOptions {
  @Option(names = "--work-dir", defaultValue = "${env:LOADSTRESS_WORK_DIR:-.loadstress}",
      description = "Directory of the local provider's environments: data lakes, job runs and logs (LOADSTRESS_WORK_DIR).")
  String workDir;

  @Option(names = "--spark-generator-home", defaultValue = "${env:LOADSTRESS_SPARK_GENERATOR_HOME:-}",
      description = "Directory with spark-generator.jar, classpath.txt, jvm-flags.txt and log4j2.properties for local jobs;"
          + " by default spark-generator/target/local-run is searched for from here and from the operator jar upward"
          + " (LOADSTRESS_SPARK_GENERATOR_HOME).")
  String sparkGeneratorHome;

  @Option(names = "--local-job-heap", defaultValue = "${env:LOADSTRESS_LOCAL_JOB_HEAP:-3g}",
      description = "Maximum heap of each local job's JVM, such as 3g or 512m (LOADSTRESS_LOCAL_JOB_HEAP).")
  String localJobHeap;

  @Option(names = "--local-job-cores", defaultValue = "${env:LOADSTRESS_LOCAL_JOB_CORES:-0}",
      description = "Cores of each local job (Spark local[n]); 0 means all of the machine's (LOADSTRESS_LOCAL_JOB_CORES).")
  int localJobCores;

  @Option(names = "--local-max-jobs", defaultValue = "${env:LOADSTRESS_LOCAL_MAX_JOBS:-2}",
      description = "Local jobs running at once across all environments; more wait in a queue (LOADSTRESS_LOCAL_MAX_JOBS).")
  int localMaxJobs;

  /** The local provider settings these options give. */
  public OperatorSettings.Local settings() {
    if (localJobCores < 0) {
      throw new IllegalArgumentException("--local-job-cores must be 0 (all) or a number of cores, not " + localJobCores);
    }
    return new OperatorSettings.Local(workDir.isBlank() ? OperatorSettings.Local.DEFAULT_WORK_DIR : Path.of(workDir.trim()),
        sparkGeneratorHome.isBlank() ? Optional.empty() : Optional.of(Path.of(sparkGeneratorHome.trim())),
        localJobHeap.trim(), localJobCores == 0 ? OptionalInt.empty() : OptionalInt.of(localJobCores), localMaxJobs);
  }
}
