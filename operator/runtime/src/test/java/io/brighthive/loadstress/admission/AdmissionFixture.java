package io.brighthive.loadstress.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A manifest file of the admission suite. Its first line is a comment saying what the manifest
 * tries; {@code # expect: <phrase>} lines give phrases the rejection must contain, and an optional
 * {@code # layer: <SCHEMA|CEL|DECODING|METADATA>} the layer that must reject it. With several
 * documents, the first is created and each next one is an update of the one before it.
 */
record AdmissionFixture(Path file, String description, List<String> expected, Optional<FieldError.Layer> layer,
    List<ObjectNode> documents) {

  static AdmissionFixture read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      String description = lines.isEmpty() || !lines.get(0).startsWith("#") ? "" : lines.get(0).substring(1).trim();
      List<String> expected = new ArrayList<>();
      Optional<FieldError.Layer> layer = Optional.empty();
      for (String line : lines) {
        if (line.startsWith("# expect:")) {
          expected.add(line.substring("# expect:".length()).trim());
        } else if (line.startsWith("# layer:")) {
          layer = Optional.of(FieldError.Layer.valueOf(line.substring("# layer:".length()).trim()));
        }
      }
      return new AdmissionFixture(file, description, expected, layer, Manifests.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML files directly in a test-resources directory, sorted by name. */
  static List<Path> files(String resourceDirectory) {
    URL url = AdmissionFixture.class.getResource("/" + resourceDirectory);
    if (url == null) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
      return listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decision for each document in turn: a create for the first, updates after it. */
  List<Decision> apply(CrdAdmission admission) {
    List<Decision> decisions = new ArrayList<>();
    decisions.add(admission.create(documents.get(0)));
    for (int i = 1; i < documents.size(); i++) {
      decisions.add(admission.update(documents.get(i - 1), documents.get(i)));
    }
    return decisions;
  }

  String name() {
    return file.getFileName().toString();
  }
}
