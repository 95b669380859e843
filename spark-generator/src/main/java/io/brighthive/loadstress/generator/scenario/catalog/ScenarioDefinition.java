package io.brighthive.loadstress.generator.scenario.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the catalog says about one scenario: its id and title, what it measures, its parameters
 * with defaults, and its SLOs with default targets (which hold at subset scale in Spark local mode
 * on 2 cores). {@code reference} says where a deterministic reference implementation stands in for
 * what the source project left to an LLM; empty otherwise.
 */
public record ScenarioDefinition(String id, String title, String measures, List<ParameterDefinition> parameters,
    List<SloDefinition> slos, String reference) {

  public ScenarioDefinition {
    parameters = List.copyOf(parameters);
    slos = List.copyOf(slos);
  }

  public Optional<ParameterDefinition> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<SloDefinition> slo(String name) {
    return slos.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Every parameter's value: the given ones checked and normalised, the rest at their defaults, in
   * catalog order. Unknown names and bad values throw {@link CatalogException}.
   */
  public Map<String, String> resolveParameters(Map<String, String> given) {
    Map<String, String> supplied = given == null ? Map.of() : given;
    for (String name : new TreeSet<>(supplied.keySet())) {
      if (parameter(name).isEmpty()) {
        throw new CatalogException(id + " has no parameter '" + name + "'; its parameters are: "
            + (parameters.isEmpty() ? "none" : parameters.stream().map(ParameterDefinition::name).collect(Collectors.joining(", "))));
      }
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    for (ParameterDefinition parameter : parameters) {
      String value = supplied.get(parameter.name());
      resolved.put(parameter.name(), value == null ? parameter.defaultValue() : parameter.check(id, value));
    }
    return resolved;
  }

  /** The SLOs with the given target overrides applied; unknown names and non-finite targets throw {@link CatalogException}. */
  public List<SloDefinition> resolveSlos(Map<String, Double> overrides) {
    Map<String, Double> given = overrides == null ? Map.of() : overrides;
    for (String name : new TreeSet<>(given.keySet())) {
      if (slo(name).isEmpty()) {
        throw new CatalogException(id + " has no SLO '" + name + "'; its SLOs are: "
            + slos.stream().map(SloDefinition::name).collect(Collectors.joining(", ")));
      }
      Double target = given.get(name);
      if (target == null || !Double.isFinite(target)) {
        throw new CatalogException(id + " SLO '" + name + "' needs a finite number as its target, got " + target);
      }
    }
    return slos.stream().map(s -> given.containsKey(s.name()) ? s.withTarget(given.get(s.name())) : s).toList();
  }
}
