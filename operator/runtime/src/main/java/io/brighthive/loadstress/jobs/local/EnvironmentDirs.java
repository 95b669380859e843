package io.brighthive.loadstress.jobs.local;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a local environment lives: {@code <workDir>/<namespace>/<name>/}, with the data lake in
 * {@code lake/} and one directory per job run in {@code jobs/<jobRunId>/}.
 */
public record EnvironmentDirs(Path root) {
  private static final Pattern SEGMENT = Pattern.compile("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$");

  /** Namespace and name are Kubernetes names, so each is one safe path segment; anything else is refused. */
  public static EnvironmentDirs of(Path workDir, String namespace, String name) {
    for (String segment : new String[] {namespace, name}) {
      if (segment == null || !SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException("not a Kubernetes name: " + segment);
      }
    }
    return new EnvironmentDirs(workDir.toAbsolutePath().normalize().resolve(namespace).resolve(name));
  }

  public Path lake() {
    return root.resolve("lake");
  }

  public Path jobs() {
    return root.resolve("jobs");
  }
}
