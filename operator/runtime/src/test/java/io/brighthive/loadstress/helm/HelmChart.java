package io.brighthive.loadstress.helm;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The chart in helm/loadstress-operator, linted and rendered offline by the Helm library that
 * helm-java bundles. Values files under src/test/resources/helm/ are overlays on values.yaml.
 */
final class HelmChart {
  static final Path DIR = Path.of("../../helm/loadstress-operator");
  static final String RELEASE = "ls";
  static final String NAMESPACE = "loadstress-system";
  static final String KUBE_VERSION = "1.30.0";
  private static final YAMLMapper YAML = new YAMLMapper();

  private HelmChart() {}

  /** {@code helm template} with the chart's defaults plus the overlay (a file under src/test/resources/helm/, or null). */
  static Rendered template(String overlay) {
    TemplateCommand command = new Helm(DIR).template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
    if (overlay != null) {
      command = command.withValuesFile(overlay(overlay));
    }
    return new Rendered(command.call());
  }

  /**
   * {@code helm lint --strict} of the chart with the overlay merged into its values.yaml: helm-java's
   * lint takes no values file, so the chart is copied with the merged values (the schema still applies).
   */
  static LintResult lint(String overlay) {
    Path chart = DIR;
    if (overlay != null) {
      chart = copyWithValues(merged(overlay));
    }
    return new Helm(chart).lint().strict().call();
  }

  static Path overlay(String name) {
    Path file = Path.of("src/test/resources/helm", name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no values overlay " + file);
    }
    return file;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> merged(String overlay) {
    try {
      Map<String, Object> values = YAML.readValue(DIR.resolve("values.yaml").toFile(), Map.class);
      Map<String, Object> extra = YAML.readValue(overlay(overlay).toFile(), Map.class);
      return merge(values, extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> extra) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    extra.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> b) {
        out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) m));
      } else {
        out.put(k, v);
      }
    });
    return out;
  }

  private static Path copyWithValues(Map<String, Object> values) {
    try {
      Path copy = Files.createTempDirectory("chart-").resolve(DIR.getFileName());
      try (Stream<Path> files = Files.walk(DIR)) {
        for (Path source : files.toList()) {
          Path target = copy.resolve(DIR.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target);
          }
        }
      }
      YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of one rendering, as plain maps. */
  record Rendered(String text, List<Map<String, Object>> documents) {
    Rendered(String text) {
      this(text, parse(text));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String text) {
      List<Map<String, Object>> docs = new ArrayList<>();
      try (MappingIterator<Map<String, Object>> it = YAML.readerFor(Map.class).readValues(text)) {
        while (it.hasNext()) {
          Map<String, Object> doc = it.next();
          if (doc != null && !doc.isEmpty()) {
            docs.add(doc);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("helm template printed something that is not YAML:\n" + text, e);
      }
      return docs;
    }

    List<Map<String, Object>> ofKind(String kind) {
      return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
      List<Map<String, Object>> found = ofKind(kind);
      if (found.size() != 1) {
        throw new AssertionError("expected one " + kind + ", found " + found.size() + " in:\n" + text);
      }
      return found.get(0);
    }

    List<String> kinds() {
      return documents.stream().map(d -> Objects.toString(d.get("kind"))).toList();
    }
  }

  /** {@code map.a.b.c} of a parsed document; null when a step is missing. */
  @SuppressWarnings("unchecked")
  static <T> T at(Object node, String path) {
    Object current = node;
    for (String step : path.split("\\.")) {
      if (current instanceof Map<?, ?> m) {
        current = m.get(step);
      } else if (current instanceof List<?> l && step.matches("\\d+")) {
        int i = Integer.parseInt(step);
        current = i < l.size() ? l.get(i) : null;
      } else {
        return null;
      }
    }
    return (T) current;
  }
}
