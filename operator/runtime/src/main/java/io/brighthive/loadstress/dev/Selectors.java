package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label and field selectors of list and watch requests. Labels take the full syntax (=, ==, !=, in, notin, exists,
 * !exists, &gt;, &lt;). Fields are matched on any dotted path, which covers metadata.name and metadata.namespace
 * for every kind and involvedObject.name, .namespace, .kind, .uid, reason, type and source for Events, as
 * {@code kubectl describe} needs. A missing field has the value "".
 */
record Selectors(List<Requirement> labels, List<Requirement> fields) {
  private static final Pattern SET = Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$");
  private static final Pattern COMPARISON = Pattern.compile("^([^!=<>\\s]+)\\s*(==|!=|=|>|<)\\s*(.*)$");

  enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS, GREATER, LESS }

  record Requirement(String key, Operator operator, Set<String> values) {
    boolean matches(String actual) {
      return switch (operator) {
        case EQUALS, IN -> actual != null && values.contains(actual);
        case NOT_EQUALS, NOT_IN -> actual == null || !values.contains(actual);
        case EXISTS -> actual != null;
        case NOT_EXISTS -> actual == null;
        case GREATER -> compare(actual) > 0;
        case LESS -> compare(actual) < 0;
      };
    }

    private int compare(String actual) {
      try {
        return actual == null ? 0 : Long.compare(Long.parseLong(actual), Long.parseLong(values.iterator().next()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  static Selectors parse(String labelSelector, String fieldSelector) {
    return new Selectors(parseTerms(labelSelector, true), parseTerms(fieldSelector, false));
  }

  boolean matches(JsonNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    for (Requirement r : this.labels) {
      JsonNode value = labels.get(r.key());
      if (!r.matches(value == null || value.isNull() ? null : value.asText())) {
        return false;
      }
    }
    for (Requirement r : fields) {
      if (!r.matches(field(object, r.key()))) {
        return false;
      }
    }
    return true;
  }

  private static String field(JsonNode object, String dottedPath) {
    JsonNode node = object;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() && !node.isNull() ? node.asText() : "";
  }

  private static List<Requirement> parseTerms(String selector, boolean labels) {
    List<Requirement> result = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return result;
    }
    for (String term : splitTopLevel(selector)) {
      term = term.trim();
      if (!term.isEmpty()) {
        result.add(labels ? parseLabel(term) : parseField(term));
      }
    }
    return result;
  }

  private static Requirement parseLabel(String term) {
    Matcher set = SET.matcher(term);
    if (set.matches()) {
      Set<String> values = Set.copyOf(splitValues(set.group(3)));
      return new Requirement(set.group(1), set.group(2).equals("in") ? Operator.IN : Operator.NOT_IN, values);
    }
    if (term.startsWith("!")) {
      return new Requirement(term.substring(1).trim(), Operator.NOT_EXISTS, Set.of());
    }
    Matcher comparison = COMPARISON.matcher(term);
    if (comparison.matches()) {
      return comparison(comparison);
    }
    return new Requirement(term, Operator.EXISTS, Set.of());
  }

  private static Requirement parseField(String term) {
    Matcher comparison = COMPARISON.matcher(term);
    if (!comparison.matches() || comparison.group(2).equals(">") || comparison.group(2).equals("<")) {
      throw ApiException.badRequest("invalid field selector: " + term);
    }
    return comparison(comparison);
  }

  private static Requirement comparison(Matcher m) {
    Operator op = switch (m.group(2)) {
      case "!=" -> Operator.NOT_EQUALS;
      case ">" -> Operator.GREATER;
      case "<" -> Operator.LESS;
      default -> Operator.EQUALS;
    };
    return new Requirement(m.group(1), op, Set.of(m.group(3).trim()));
  }

  private static List<String> splitValues(String values) {
    List<String> result = new ArrayList<>();
    for (String v : values.split(",")) {
      if (!v.isBlank()) {
        result.add(v.trim());
      }
    }
    return result;
  }

  private static List<String> splitTopLevel(String selector) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }
}
