package io.brighthive.loadstress.generator.lake;

import io.brighthive.loadstress.generator.data.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The data lake layout: {@code warehouse/<table>/}, {@code ground_truth/<name>/} and
 * {@code _manifest.json}. Goes through Hadoop's FileSystem, so s3:// (EMRFS), file: and plain
 * paths behave alike.
 */
public final class Lake {

  public static final String WAREHOUSE = "warehouse";
  public static final String GROUND_TRUTH = "ground_truth";
  public static final String MANIFEST = "_manifest.json";

  private final Path root;
  private final FileSystem fileSystem;

  private Lake(Path root, FileSystem fileSystem) {
    this.root = root;
    this.fileSystem = fileSystem;
  }

  public static Lake at(String uri, Configuration hadoopConf) {
    Path root = new Path(uri);
    try {
      FileSystem fs = root.getFileSystem(hadoopConf);
      return new Lake(fs.makeQualified(root), fs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the lake at " + uri, e);
    }
  }

  public Path root() {
    return root;
  }

  public URI uri() {
    return root.toUri();
  }

  public FileSystem fileSystem() {
    return fileSystem;
  }

  public Path manifest() {
    return new Path(root, MANIFEST);
  }

  public Path pathFor(Output output) {
    String folder = output.kind() == Output.Kind.TABLE ? WAREHOUSE : GROUND_TRUTH;
    return new Path(new Path(root, folder), output.name());
  }

  /** Removes every table or ground-truth folder that the current run will not write. */
  public List<Path> deleteStale(Set<Path> keep) throws IOException {
    List<Path> deleted = new ArrayList<>();
    for (String folder : List.of(WAREHOUSE, GROUND_TRUTH)) {
      Path parent = new Path(root, folder);
      if (!fileSystem.exists(parent)) {
        continue;
      }
      for (FileStatus child : fileSystem.listStatus(parent)) {
        Path path = fileSystem.makeQualified(child.getPath());
        if (!keep.contains(path)) {
          fileSystem.delete(path, true);
          deleted.add(path);
        }
      }
    }
    return deleted;
  }

  /** Bytes and count of the data files under {@code dir} (Spark's _SUCCESS and checksum files excluded). */
  public DirectorySize sizeOf(Path dir) throws IOException {
    long bytes = 0;
    int files = 0;
    var iterator = fileSystem.listFiles(dir, true);
    while (iterator.hasNext()) {
      var file = iterator.next();
      String name = file.getPath().getName();
      if (!name.startsWith("_") && !name.startsWith(".")) {
        bytes += file.getLen();
        files++;
      }
    }
    return new DirectorySize(bytes, files);
  }

  public record DirectorySize(long bytes, int files) {}
}
