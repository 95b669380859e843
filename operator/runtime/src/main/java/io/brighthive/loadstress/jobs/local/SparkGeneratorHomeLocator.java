package io.brighthive.loadstress.jobs.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the spark-generator home: the configured one, else {@value #BUILT_HOME} in the working
 * directory or the operator jar's directory or any of their parents, so that {@code java -jar
 * operator/runtime/target/loadstress-operator.jar run} works from a built checkout. Looked up on
 * every use, so a home built after the operator started is found without a restart.
 */
public final class SparkGeneratorHomeLocator {
  public static final String BUILT_HOME = "spark-generator/target/local-run";
  static final String SETTING = "--spark-generator-home (LOADSTRESS_SPARK_GENERATOR_HOME)";
  static final String BUILD = "`mvn -B -ntp package -DskipTests` in the repository root";

  private final Optional<Path> configured;
  private final List<Path> searchFrom;

  /** A home, or why there is none in words that name the setting and the fix. */
  public record Lookup(Optional<SparkGeneratorHome> home, String problem) {
    static Lookup found(SparkGeneratorHome home) {
      return new Lookup(Optional.of(home), "");
    }

    static Lookup missing(String problem) {
      return new Lookup(Optional.empty(), problem);
    }
  }

  public SparkGeneratorHomeLocator(Optional<Path> configured, List<Path> searchFrom) {
    this.configured = configured;
    this.searchFrom = List.copyOf(searchFrom);
  }

  /** The configured home, else a search from the working directory and from where this code was loaded. */
  public static SparkGeneratorHomeLocator of(Optional<Path> configured) {
    List<Path> from = new ArrayList<>(List.of(Path.of("").toAbsolutePath()));
    codeLocation().ifPresent(from::add);
    return new SparkGeneratorHomeLocator(configured, from);
  }

  public Lookup locate() {
    if (configured.isPresent()) {
      SparkGeneratorHome home = new SparkGeneratorHome(configured.get());
      return home.problem().map(p -> Lookup.missing("the spark-generator home set by " + SETTING + " cannot run jobs: " + p
          + "; point the setting at a directory with " + String.join(", ", SparkGeneratorHome.FILES) + ", or unset it and run "
          + BUILD)).orElseGet(() -> Lookup.found(home));
    }
    Set<Path> candidates = new LinkedHashSet<>();
    for (Path start : searchFrom) {
      for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(BUILT_HOME);
        if (Files.isDirectory(candidate)) {
          candidates.add(candidate);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (Path candidate : candidates) {
      SparkGeneratorHome home = new SparkGeneratorHome(candidate);
      Optional<String> problem = home.problem();
      if (problem.isEmpty()) {
        return Lookup.found(home);
      }
      problems.add(problem.get());
    }
    return Lookup.missing("no spark-generator home: set " + SETTING + ", or build " + BUILT_HOME + " with " + BUILD
        + " (searched upward from " + String.join(" and ", searchFrom.stream().map(Path::toString).toList()) + ")"
        + (problems.isEmpty() ? "" : "; found but incomplete: " + String.join("; ", problems)));
  }

  private static Optional<Path> codeLocation() {
    CodeSource source = SparkGeneratorHomeLocator.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
