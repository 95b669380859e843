package io.brighthive.loadstress.generator;

import io.brighthive.loadstress.generator.cli.GenerateOptions;
import io.brighthive.loadstress.generator.cli.UsageException;
import io.brighthive.loadstress.generator.redshift.RedshiftLoader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the job jar: {@code generate ...} or {@code scenario ...}. Exit status 0 on success
 * (including a skipped rerun), 1 on failure, 2 on bad input or an unavailable subcommand.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = "usage: <generate|scenario> [options]\n" + GenerateOptions.USAGE + "\n" + ScenarioCommand.USAGE;

  private Main() {}

  public static void main(String[] args) {
    AtomicReference<SparkSession> started = new AtomicReference<>();
    int status;
    try {
      status = run(args, System.out, System.err, () -> {
        started.set(SparkSessions.getOrCreate("loadstress-" + args[0]));
        return started.get();
      });
    } finally {
      if (started.get() != null) {
        started.get().stop();
      }
    }
    System.exit(status);
  }

  static int run(String[] args, PrintStream out, PrintStream err, Supplier<SparkSession> sessions) {
    if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
      (args.length == 0 ? err : out).println(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "generate" -> new GenerateCommand(sessions, Clock.systemUTC(),
            RedshiftLoader.withDriverManager(), System::getenv, out).run(rest);
        case "scenario" -> new ScenarioCommand(sessions, Clock.systemUTC(), out).run(rest);
        default -> throw new UsageException("unknown subcommand '" + args[0] + "'");
      };
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    } catch (Exception e) {
      err.println("error: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }
}
