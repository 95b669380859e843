package io.brighthive.loadstress.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Maven version of this jar, from a filtered resource (works from the jar and from classes/). */
public final class GeneratorVersion {

  private GeneratorVersion() {}

  public static String get() {
    try (InputStream in = GeneratorVersion.class.getResourceAsStream("/loadstress-generator.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("generator.version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
