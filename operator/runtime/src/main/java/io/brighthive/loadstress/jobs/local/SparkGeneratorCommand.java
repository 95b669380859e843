package io.brighthive.loadstress.jobs.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The java command line of one local spark-generator run, the same as spark-generator/bin/run-local's. */
final class SparkGeneratorCommand {
  /** Up to this many records a run is over in seconds, and C2 compilation alone would cost a third of its CPU. */
  static final long C1_ONLY_UP_TO_RECORDS = 2_000_000L;

  private SparkGeneratorCommand() {}

  static List<String> of(SparkGeneratorHome home, LocalJobLimits limits, String mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(home.jvmFlags());
    command.add("-Xmx" + limits.heap());
    command.add("-XX:ActiveProcessorCount=" + limits.cores());
    if (small(arguments)) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.add("-Dspark.master=local[" + limits.cores() + "]");
    command.add("-Dspark.ui.enabled=false");
    command.add("-Dlog4j2.configurationFile=" + home.logConfig());
    command.add("-cp");
    command.add(home.classpath());
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }

  /** Bigger runs need C2's code: with C1 only, orders are written about three times slower. */
  static boolean small(List<String> arguments) {
    int at = arguments.indexOf("--records");
    if (at < 0 || at + 1 >= arguments.size()) {
      return false;
    }
    try {
      return Long.parseLong(arguments.get(at + 1).replace("_", "")) <= C1_ONLY_UP_TO_RECORDS;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
