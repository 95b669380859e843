package io.brighthive.loadstress.generator.scenario.catalog;

/**
 * One service-level objective of a scenario: a measured value, how it is compared with the target,
 * and the default target that a ScenarioRun may override by name.
 */
public record SloDefinition(String name, Comparator comparator, double target, String unit, String description) {

  public enum Comparator {
    AT_MOST("<="),
    AT_LEAST(">=");

    private final String symbol;

    Comparator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean holds(double actual, double target) {
      return this == AT_MOST ? actual <= target : actual >= target;
    }
  }

  public static SloDefinition atMost(String name, double target, String unit, String description) {
    return new SloDefinition(name, Comparator.AT_MOST, target, unit, description);
  }

  public static SloDefinition atLeast(String name, double target, String unit, String description) {
    return new SloDefinition(name, Comparator.AT_LEAST, target, unit, description);
  }

  /** This SLO with another target. */
  public SloDefinition withTarget(double newTarget) {
    return new SloDefinition(name, comparator, newTarget, unit, description);
  }

  /** "p95LatencyMs <= 5000 ms", "recall >= 0.99": how the README prints it (a ratio needs no unit). */
  public String describeTarget() {
    String value = target == Math.rint(target) && Math.abs(target) < 1e15 ? Long.toString((long) target) : Double.toString(target);
    return name + " " + comparator.symbol() + " " + value + (unit.isEmpty() || unit.equals("ratio") ? "" : " " + unit);
  }
}
