package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** JSON text and content hashes of templates. */
public final class TemplateJson {
  private static final ObjectMapper COMPACT = new ObjectMapper();
  private static final DefaultPrettyPrinter INDENTED = indented();

  private TemplateJson() {}

  /** Compact JSON, as sent in CreateStack/UpdateStack TemplateBody. */
  public static String compact(JsonNode node) {
    return write(COMPACT.writer(), node);
  }

  /** Indented JSON with a trailing newline, as written to files. */
  public static String pretty(JsonNode node) {
    return write(COMPACT.writer(INDENTED), node) + "\n";
  }

  /** Lower-case hex SHA-256 of the UTF-8 text. */
  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String write(ObjectWriter writer, JsonNode node) {
    try {
      return writer.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Two-space indentation, {@code "key": value}, one array item per line, LF line ends. */
  private static DefaultPrettyPrinter indented() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }
}
