package io.brighthive.loadstress.generator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of the shared lake, for tests that tamper with a planted fact and expect the verdict to turn. */
public final class LakeCopies {

  private LakeCopies() {}

  /** Copies the shared lake (tables, ground truth, manifest) into {@code target} and returns the copy's root. */
  public static Path copyShared(Path target) {
    Path source = ScenarioLakes.shared();
    Path root = target.resolve("lake");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = root.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else if (!file.getFileName().toString().endsWith(".crc")) {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }
}
