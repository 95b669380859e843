package io.brighthive.loadstress.generator.lake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes the manifest. Jackson comes with Spark, so the jar stays thin. */
public final class ManifestStore {

  private static final Logger LOG = LoggerFactory.getLogger(ManifestStore.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final FileSystem fileSystem;
  private final Path path;

  public ManifestStore(Lake lake) {
    this.fileSystem = lake.fileSystem();
    this.path = lake.manifest();
  }

  /** The manifest, or empty when it is absent or unreadable (then the lake counts as partial). */
  public Optional<Manifest> read() throws IOException {
    if (!fileSystem.exists(path)) {
      return Optional.empty();
    }
    try (InputStream in = fileSystem.open(path)) {
      return Optional.of(JSON.readValue(in, Manifest.class));
    } catch (IOException e) {
      LOG.warn("Ignoring unreadable manifest {}: {}", path, e.getMessage());
      return Optional.empty();
    }
  }

  /** Writes beside the target and renames, so a reader never sees half a manifest. */
  public void write(Manifest manifest) throws IOException {
    Path temporary = new Path(path.getParent(), "._manifest.json.tmp");
    try (OutputStream out = fileSystem.create(temporary, true)) {
      JSON.writeValue(out, manifest);
    }
    fileSystem.delete(path, false);
    if (!fileSystem.rename(temporary, path)) {
      throw new IOException("could not rename " + temporary + " to " + path);
    }
  }

  public void delete() throws IOException {
    fileSystem.delete(path, false);
  }

  public static String toJson(Manifest manifest) throws IOException {
    return JSON.writeValueAsString(manifest);
  }
}
