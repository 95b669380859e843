package io.brighthive.loadstress.jobs.local;

import io.brighthive.loadstress.jobs.ResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Results as files, for {@code file:} URIs. The URIs are written the way Hadoop reads them, with
 * the path unescaped ({@code file:/var/lib/loadstress/ns/name/lake}), since spark-generator gets
 * the same string as its {@code --lake}.
 */
public final class FileResultStore implements ResultStore {
  private static final String SCHEME = "file:";

  /** {@code file:} plus the absolute path. */
  public static String uriOf(Path path) {
    return SCHEME + path.toAbsolutePath().normalize();
  }

  /** The path of {@code file:/p}, {@code file:///p} or {@code file://localhost/p}. */
  public static Path pathOf(String uri) {
    if (uri == null || !uri.startsWith(SCHEME)) {
      throw new IllegalArgumentException("not a file: URI: " + uri);
    }
    String rest = uri.substring(SCHEME.length());
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
      if (!authority.isEmpty() && !authority.equals("localhost")) {
        throw new IllegalArgumentException("a file: URI of another host: " + uri);
      }
      rest = slash < 0 ? "/" : rest.substring(slash);
    }
    if (!rest.startsWith("/")) {
      throw new IllegalArgumentException("a file: URI needs an absolute path: " + uri);
    }
    return Path.of(rest).normalize();
  }

  @Override
  public Optional<byte[]> read(String uri) {
    try {
      return Optional.of(Files.readAllBytes(pathOf(uri)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    }
  }

  @Override
  public boolean exists(String uri) {
    return Files.isRegularFile(pathOf(uri));
  }

  /** Whole or not at all: a reader never sees half a file. */
  @Override
  public void write(String uri, byte[] content) {
    Path target = pathOf(uri);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + uri, e);
    }
  }
}
