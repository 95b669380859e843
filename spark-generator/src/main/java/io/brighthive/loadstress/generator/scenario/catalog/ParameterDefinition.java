package io.brighthive.loadstress.generator.scenario.catalog;

import java.util.List;

/**
 * One parameter of a scenario with its default. Values travel as strings (a ScenarioRun's
 * {@code spec.parameters} and the job's {@code --param name=value}); {@link #check} turns a bad one
 * into a sentence a person understands.
 */
public record ParameterDefinition(String name, Type type, String defaultValue, Double min, Double max, List<String> allowed,
    String description) {

  public enum Type {
    INTEGER("a whole number"),
    NUMBER("a number"),
    TEXT("text"),
    CHOICE("one of the listed values");

    private final String words;

    Type(String words) {
      this.words = words;
    }
  }

  public ParameterDefinition {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }

  public static ParameterDefinition integer(String name, long defaultValue, long min, long max, String description) {
    return new ParameterDefinition(name, Type.INTEGER, Long.toString(defaultValue), (double) min, (double) max, List.of(), description);
  }

  public static ParameterDefinition number(String name, double defaultValue, double min, double max, String description) {
    return new ParameterDefinition(name, Type.NUMBER, Double.toString(defaultValue), min, max, List.of(), description);
  }

  public static ParameterDefinition text(String name, String defaultValue, String description) {
    return new ParameterDefinition(name, Type.TEXT, defaultValue, null, null, List.of(), description);
  }

  public static ParameterDefinition choice(String name, String defaultValue, List<String> allowed, String description) {
    return new ParameterDefinition(name, Type.CHOICE, defaultValue, null, null, allowed, description);
  }

  /** The value, normalised (underscores dropped from numbers); throws {@link CatalogException} when it is not acceptable. */
  public String check(String scenarioId, String value) {
    String where = scenarioId + " parameter '" + name + "'";
    if (value == null || value.isBlank()) {
      throw new CatalogException(where + " must not be empty");
    }
    String trimmed = value.trim();
    switch (type) {
      case INTEGER -> {
        long parsed;
        try {
          parsed = Long.parseLong(trimmed.replace("_", ""));
        } catch (NumberFormatException e) {
          throw new CatalogException(where + " must be " + type.words + ", got '" + value + "'");
        }
        checkRange(where, parsed);
        return Long.toString(parsed);
      }
      case NUMBER -> {
        double parsed;
        try {
          parsed = Double.parseDouble(trimmed.replace("_", ""));
        } catch (NumberFormatException e) {
          throw new CatalogException(where + " must be " + type.words + ", got '" + value + "'");
        }
        if (!Double.isFinite(parsed)) {
          throw new CatalogException(where + " must be a finite number, got '" + value + "'");
        }
        checkRange(where, parsed);
        return Double.toString(parsed);
      }
      case CHOICE -> {
        if (!allowed.contains(trimmed)) {
          throw new CatalogException(where + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return trimmed;
      }
      default -> {
        return trimmed;
      }
    }
  }

  private void checkRange(String where, double value) {
    if ((min != null && value < min) || (max != null && value > max)) {
      throw new CatalogException(where + " must be between " + plain(min) + " and " + plain(max) + ", got " + plain(value));
    }
  }

  private static String plain(Double value) {
    if (value == null) {
      return "";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue()) : value.toString();
  }
}
