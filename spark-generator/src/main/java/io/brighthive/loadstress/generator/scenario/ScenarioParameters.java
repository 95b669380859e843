package io.brighthive.loadstress.generator.scenario;

import java.util.Map;

/** A scenario's parameters after the catalog checked them and filled in defaults. */
public final class ScenarioParameters {

  private final String scenarioId;
  private final Map<String, String> values;

  public ScenarioParameters(String scenarioId, Map<String, String> values) {
    this.scenarioId = scenarioId;
    this.values = Map.copyOf(values);
  }

  public String text(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(scenarioId + " has no parameter '" + name + "' in its catalog entry");
    }
    return value;
  }

  public long integer(String name) {
    return Long.parseLong(text(name));
  }

  public int intValue(String name) {
    return Math.toIntExact(integer(name));
  }

  public double number(String name) {
    return Double.parseDouble(text(name));
  }

  public Map<String, String> asMap() {
    return values;
  }
}
