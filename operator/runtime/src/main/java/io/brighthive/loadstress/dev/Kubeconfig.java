package io.brighthive.loadstress.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the kubeconfig that points kubectl at the dev server: plain HTTP, a dummy token, a default namespace. */
final class Kubeconfig {
  static final String NAME = "loadstress-dev";
  /** The server does not check it; kubectl and fabric8 just need some credential to send. */
  static final String TOKEN = "loadstress-dev-token";

  private Kubeconfig() {}

  static void write(Path file, String serverUrl, String namespace) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        users:
        - name: %1$s
          user:
            token: %3$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: %4$s
        current-context: %1$s
        preferences: {}
        """.formatted(NAME, serverUrl, TOKEN, namespace);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, yaml);
      // On a file system without POSIX permissions the file keeps its default ones.
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig " + file, e);
    }
  }
}
