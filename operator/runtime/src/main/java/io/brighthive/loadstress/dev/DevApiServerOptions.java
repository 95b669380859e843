package io.brighthive.loadstress.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Settings of the {@link DevApiServer}.
 *
 * @param host address to listen on; loopback by default, since the server has no authentication
 * @param port port to listen on, 0 for any free port
 * @param crdFiles CRD manifests (YAML, several documents allowed) installed at start
 * @param kubeconfig where to write the kubeconfig for kubectl; null for a temporary file removed on close
 * @param namespace the kubeconfig's default namespace
 * @param bookmarkInterval how often watches that asked for bookmarks get one
 */
public record DevApiServerOptions(String host, int port, List<Path> crdFiles, Path kubeconfig, String namespace,
    Duration bookmarkInterval) {

  public DevApiServerOptions {
    crdFiles = List.copyOf(crdFiles);
  }

  /** Loopback, any free port, the CRDs of the nearest {@code crds/} directory at or above the working directory. */
  public static DevApiServerOptions defaults() {
    return new DevApiServerOptions("127.0.0.1", 0, findCrdDirectory(Path.of("").toAbsolutePath())
        .map(DevApiServerOptions::yamlFiles).orElse(List.of()), null, "default", Duration.ofSeconds(30));
  }

  public DevApiServerOptions withPort(int newPort) {
    return new DevApiServerOptions(host, newPort, crdFiles, kubeconfig, namespace, bookmarkInterval);
  }

  public DevApiServerOptions withCrdFiles(List<Path> files) {
    return new DevApiServerOptions(host, port, files, kubeconfig, namespace, bookmarkInterval);
  }

  /** All {@code *.yaml} and {@code *.yml} files of a directory, in name order. */
  public DevApiServerOptions withCrdDirectory(Path directory) {
    return withCrdFiles(yamlFiles(directory));
  }

  public DevApiServerOptions withKubeconfig(Path file) {
    return new DevApiServerOptions(host, port, crdFiles, file, namespace, bookmarkInterval);
  }

  public DevApiServerOptions withNamespace(String newNamespace) {
    return new DevApiServerOptions(host, port, crdFiles, kubeconfig, newNamespace, bookmarkInterval);
  }

  public DevApiServerOptions withBookmarkInterval(Duration interval) {
    return new DevApiServerOptions(host, port, crdFiles, kubeconfig, namespace, interval);
  }

  static java.util.Optional<Path> findCrdDirectory(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path crds = dir.resolve("crds");
      if (Files.isDirectory(crds) && !yamlFiles(crds).isEmpty()) {
        return java.util.Optional.of(crds);
      }
    }
    return java.util.Optional.empty();
  }

  private static List<Path> yamlFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list CRDs in " + directory, e);
    }
  }
}
