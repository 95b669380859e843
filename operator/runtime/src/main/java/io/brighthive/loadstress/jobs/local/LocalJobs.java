package io.brighthive.loadstress.jobs.local;

import io.brighthive.loadstress.jobs.JobRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator's local jobs: child JVMs running spark-generator in Spark local mode, each in its
 * own directory under the work directory. Holds the limits and the one lock that every runner
 * takes, and starts queued runs when a slot is free. There is no thread of its own: each submit,
 * describe and cancel first starts what may start, and the reconcilers describe their running
 * jobs regularly.
 */
public final class LocalJobs {
  /** Runs the job, then writes its exit status next to its log, whether or not the operator still runs. */
  static final String WRAPPER = "\"$@\" >" + LocalRun.LOG + " 2>&1; echo $? >" + LocalRun.EXIT_CODE + ".tmp && mv -f "
      + LocalRun.EXIT_CODE + ".tmp " + LocalRun.EXIT_CODE;
  /** Puts a job in a session of its own, so that a Ctrl-C of an operator run in a terminal does not reach it. */
  private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

  private final Path workDir;
  private final LocalJobLimits limits;
  private final Supplier<SparkGeneratorHomeLocator.Lookup> homes;
  private final String mainClass;
  private final Clock clock;
  private final Object lock = new Object();

  public LocalJobs(Path workDir, LocalJobLimits limits, SparkGeneratorHomeLocator homes, Clock clock) {
    this(workDir, limits, homes::locate, SparkGeneratorHome.MAIN_CLASS, clock);
  }

  /** With another main class on the home's classpath: tests run tiny jobs this way. */
  public LocalJobs(Path workDir, LocalJobLimits limits, Supplier<SparkGeneratorHomeLocator.Lookup> homes, String mainClass,
      Clock clock) {
    this.workDir = workDir.toAbsolutePath().normalize();
    this.limits = limits;
    this.homes = homes;
    this.mainClass = mainClass;
    this.clock = clock;
  }

  public Path workDir() {
    return workDir;
  }

  public LocalJobLimits limits() {
    return limits;
  }

  public SparkGeneratorHomeLocator.Lookup home() {
    return homes.get();
  }

  public EnvironmentDirs dirs(String namespace, String name) {
    return EnvironmentDirs.of(workDir, namespace, name);
  }

  /** The runner of one environment's jobs. */
  public LocalJobRunner runner(String namespace, String name) {
    return new LocalJobRunner(this, dirs(namespace, name).jobs());
  }

  <T> T locked(Supplier<T> action) {
    synchronized (lock) {
      return action.get();
    }
  }

  Instant now() {
    return clock.instant();
  }

  /** The command line of a run; fails with the locator's explanation when there is no home. */
  List<String> command(JobRequest request) {
    SparkGeneratorHomeLocator.Lookup lookup = homes.get();
    SparkGeneratorHome home = lookup.home().orElseThrow(() -> new IllegalStateException(lookup.problem()));
    return SparkGeneratorCommand.of(home, limits, mainClass, request.arguments());
  }

  /**
   * Starts the oldest queued runs, across every environment, while slots are free. A run holds a
   * slot while its process, or one that its cancellation is stopping, is alive. Call with the lock held.
   */
  void admit() {
    List<LocalRun> runs = allRuns();
    int busy = (int) runs.stream().filter(r -> !r.liveProcesses().isEmpty()).count();
    List<LocalRun> queued = runs.stream().filter(LocalRun::queued)
        .sorted(Comparator.comparing((LocalRun r) -> r.request().queuedAt()).thenComparing(LocalRun::id))
        .toList();
    for (LocalRun run : queued) {
      if (busy >= limits.maxConcurrent()) {
        return;
      }
      launch(run);
      busy++;
    }
  }

  /** Queued runs ahead of this one, across every environment. */
  int queuedAhead(LocalRun run) {
    String at = run.request().queuedAt();
    return (int) allRuns().stream().filter(LocalRun::queued)
        .filter(r -> r.request().queuedAt().compareTo(at) < 0 || (r.request().queuedAt().equals(at) && r.id().compareTo(run.id()) < 0))
        .count();
  }

  private void launch(LocalRun run) {
    run.markLaunching();
    List<String> command = new ArrayList<>();
    SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(p -> command.add(p.toString()));
    command.addAll(List.of("/bin/sh", "-c", WRAPPER, "loadstress-job"));
    command.addAll(run.request().command());
    ProcessBuilder builder = new ProcessBuilder(command).directory(run.dir().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    // The operator's own JVM options (heap share, log configuration) are not the job's.
    env.remove("JDK_JAVA_OPTIONS");
    // Spark warns about the loopback hostname on every start otherwise; local mode needs no other address.
    env.putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      Process process = builder.start();
      run.recordLaunch(new LocalRun.Launch(ProcessRef.of(process.toHandle()), now().toString()));
    } catch (IOException e) {
      run.recordStartFailure("the operator could not start the job: " + e.getMessage());
    }
  }

  /** Deletes a directory under the work directory, with the lock held so that no scan reads a run half deleted. */
  public void delete(Path dir) {
    locked(() -> {
      deleteTree(inside(dir));
      return null;
    });
  }

  /** Deletes everything in {@code dir} except {@code keep}. */
  public void deleteAllBut(Path dir, Path keep) {
    locked(() -> {
      for (Path child : list(inside(dir))) {
        if (!child.equals(keep)) {
          deleteTree(child);
        }
      }
      return null;
    });
  }

  public void deleteIfEmpty(Path dir) {
    locked(() -> {
      if (Files.isDirectory(inside(dir)) && list(dir).isEmpty()) {
        deleteTree(dir);
      }
      return null;
    });
  }

  private Path inside(Path dir) {
    Path normal = dir.toAbsolutePath().normalize();
    if (!normal.startsWith(workDir) || normal.equals(workDir)) {
      throw new IllegalArgumentException(dir + " is not inside the work directory " + workDir);
    }
    return normal;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  private static List<Path> list(Path dir) {
    try (var paths = Files.list(dir)) {
      return paths.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Every run under {@code <workDir>/<namespace>/<name>/jobs/}. */
  private List<LocalRun> allRuns() {
    List<LocalRun> runs = new ArrayList<>();
    for (Path namespace : children(workDir)) {
      for (Path environment : children(namespace)) {
        for (Path run : children(environment.resolve("jobs"))) {
          LocalRun r = new LocalRun(run);
          if (r.exists()) {
            runs.add(r);
          }
        }
      }
    }
    return runs;
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, p -> Files.isDirectory(p)
        && !p.getFileName().toString().startsWith("."))) {
      stream.forEach(children::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return children;
  }
}
