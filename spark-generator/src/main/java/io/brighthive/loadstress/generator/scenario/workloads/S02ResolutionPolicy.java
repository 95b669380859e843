package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which source wins a conflict, per field: a global source priority ({@code CRM>ERP>LEGACY}) and
 * per-field authorities that go first ({@code annual_revenue=ERP}: the finance system owns revenue).
 * Pure Java, so the rule is testable and the same list drives the Spark expressions.
 */
final class S02ResolutionPolicy {

  private final List<String> priority;
  private final Map<String, List<String>> perField;

  private S02ResolutionPolicy(List<String> priority, Map<String, List<String>> perField) {
    this.priority = List.copyOf(priority);
    this.perField = Map.copyOf(perField);
  }

  /**
   * Parses a priority such as {@code CRM>ERP>LEGACY} and authorities such as
   * {@code annual_revenue=ERP;phone=LEGACY>CRM} ({@code none} for none). An authority list is
   * completed by the global priority.
   */
  static S02ResolutionPolicy parse(String priority, String authorities, List<String> sources) {
    List<String> order = sources(priority, sources, "sourcePriority");
    if (order.size() != sources.size()) {
      throw new IllegalArgumentException("sourcePriority must rank every source " + sources + ", got '" + priority + "'");
    }
    Map<String, List<String>> perField = new LinkedHashMap<>();
    if (!authorities.isBlank() && !authorities.trim().equalsIgnoreCase("none")) {
      for (String entry : authorities.split(";")) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("fieldAuthority takes field=SOURCE[>SOURCE...] entries separated by ';', got '" + entry + "'");
        }
        List<String> first = sources(entry.substring(eq + 1), sources, "fieldAuthority");
        List<String> full = new ArrayList<>(first);
        order.stream().filter(s -> !full.contains(s)).forEach(full::add);
        perField.put(entry.substring(0, eq).trim(), full);
      }
    }
    return new S02ResolutionPolicy(order, perField);
  }

  private static List<String> sources(String text, List<String> known, String what) {
    List<String> order = new ArrayList<>();
    for (String part : text.split(">")) {
      String source = part.trim().toUpperCase();
      if (!known.contains(source)) {
        throw new IllegalArgumentException(what + " names unknown source '" + part.trim() + "'; the sources are " + known);
      }
      if (order.contains(source)) {
        throw new IllegalArgumentException(what + " names " + source + " twice in '" + text + "'");
      }
      order.add(source);
    }
    return order;
  }

  /** The sources in the order they win for this field. */
  List<String> order(String field) {
    return perField.getOrDefault(field, priority);
  }

  /** The fields with an authority of their own. */
  Map<String, List<String>> authorities() {
    return perField;
  }

  /** The winning source among those that have a value (null values never win), or null when none has one. */
  String winner(String field, Map<String, String> values) {
    for (String source : order(field)) {
      if (values.get(source) != null) {
        return source;
      }
    }
    return null;
  }
}
