package io.brighthive.loadstress.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads manifests as kubectl does: YAML 1.1 scalars (so {@code yes}, {@code on} and unquoted
 * numbers change type, as they do for kubectl), several documents per file, duplicate keys
 * refused, and no timestamp conversion (kubectl sends dates as strings).
 */
public final class Manifests {
  static final ObjectMapper JSON = new ObjectMapper();

  private Manifests() {}

  /** Every non-empty document of a YAML file, in order. */
  public static List<ObjectNode> read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a YAML text, in order. */
  public static List<ObjectNode> parse(String yaml) {
    List<ObjectNode> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(yaml)) {
      if (document == null) {
        continue;
      }
      if (!(document instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("a manifest must be a YAML mapping, got: " + document);
      }
      documents.add(JSON.valueToTree(document));
    }
    return documents;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new NoTimestamps());
  }

  /** SnakeYAML's YAML 1.1 resolver without the timestamp rule. */
  private static final class NoTimestamps extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
      addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
    }
  }
}
