package io.brighthive.loadstress.jobs.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;

/** A spark-generator home whose classpath is this module's test classes, so jobs run {@link TestJob}. */
public final class TestHomes {
  private TestHomes() {}

  public static Path create(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (var jar = new JarOutputStream(Files.newOutputStream(dir.resolve(SparkGeneratorHome.JAR)))) {
      jar.finish();
    }
    Path classes = Path.of(TestJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.writeString(dir.resolve(SparkGeneratorHome.CLASSPATH), classes + "\n");
    Files.writeString(dir.resolve(SparkGeneratorHome.JVM_FLAGS), "-XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1\n");
    Files.writeString(dir.resolve(SparkGeneratorHome.LOG_CONFIG), "");
    return dir;
  }

  /** Local jobs that run {@link TestJob} from {@code home} with a small heap and one core. */
  public static LocalJobs jobs(Path workDir, Path home, int maxConcurrent, Duration grace) {
    return new LocalJobs(workDir, new LocalJobLimits("64m", 1, maxConcurrent, grace),
        () -> new SparkGeneratorHomeLocator(Optional.of(home), List.of()).locate(), TestJob.class.getName(), Clock.systemUTC());
  }
}
