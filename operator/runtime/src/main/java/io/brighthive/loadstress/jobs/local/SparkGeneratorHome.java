package io.brighthive.loadstress.jobs.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A directory from which spark-generator runs in Spark local mode: the job jar, Spark's classpath,
 * the Java 17 flags and the log configuration. The image has one at /opt/loadstress/spark-generator;
 * {@code mvn package} builds one at spark-generator/target/local-run.
 */
public record SparkGeneratorHome(Path dir) {
  public static final String JAR = "spark-generator.jar";
  public static final String CLASSPATH = "classpath.txt";
  public static final String JVM_FLAGS = "jvm-flags.txt";
  public static final String LOG_CONFIG = "log4j2.properties";
  public static final String MAIN_CLASS = "io.brighthive.loadstress.generator.Main";
  static final List<String> FILES = List.of(JAR, CLASSPATH, JVM_FLAGS, LOG_CONFIG);

  public SparkGeneratorHome {
    dir = dir.toAbsolutePath().normalize();
  }

  public Path jar() {
    return dir.resolve(JAR);
  }

  public Path logConfig() {
    return dir.resolve(LOG_CONFIG);
  }

  /** The job jar first, then Spark and its dependencies. */
  public String classpath() {
    return jar() + java.io.File.pathSeparator + read(CLASSPATH);
  }

  public List<String> jvmFlags() {
    String flags = read(JVM_FLAGS);
    return flags.isEmpty() ? List.of() : Arrays.asList(flags.split("\\s+"));
  }

  /** What is wrong with this directory as a home, or empty when it can run jobs. */
  public Optional<String> problem() {
    if (!Files.isDirectory(dir)) {
      return Optional.of(dir + " is not a directory");
    }
    List<String> missing = new ArrayList<>(FILES.stream().filter(f -> !Files.isRegularFile(dir.resolve(f))).toList());
    if (!missing.isEmpty()) {
      return Optional.of(dir + " lacks " + String.join(", ", missing));
    }
    for (String entry : read(CLASSPATH).split(java.io.File.pathSeparator)) {
      if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
        return Optional.of(dir.resolve(CLASSPATH) + " names " + entry + ", which does not exist");
      }
    }
    return Optional.empty();
  }

  private String read(String file) {
    try {
      return Files.readString(dir.resolve(file)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
    }
  }
}
