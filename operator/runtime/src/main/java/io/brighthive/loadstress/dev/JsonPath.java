package io.brighthive.loadstress.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSONPath dialect of Kubernetes printer columns: {@code .a.b}, {@code ['a.b']}, {@code [0]}, {@code [-1]},
 * {@code [1:3]}, {@code [*]}, {@code ..name} and filters such as {@code [?(@.type=="Ready")]} with ==, !=, &lt;,
 * &lt;=, &gt;, &gt;= or a bare {@code @.field} for existence. The surrounding braces of a template are optional.
 */
final class JsonPath {
  private final List<Function<JsonNode, List<JsonNode>>> steps;

  private JsonPath(List<Function<JsonNode, List<JsonNode>>> steps) {
    this.steps = steps;
  }

  static JsonPath compile(String expression) {
    String path = expression.trim();
    if (path.startsWith("{") && path.endsWith("}")) {
      path = path.substring(1, path.length() - 1).trim();
    }
    if (path.startsWith("$")) {
      path = path.substring(1);
    }
    return new JsonPath(parse(path));
  }

  /** All matches, in document order. */
  List<JsonNode> evaluate(JsonNode root) {
    List<JsonNode> current = List.of(root);
    for (Function<JsonNode, List<JsonNode>> step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        next.addAll(step.apply(node));
      }
      current = next;
    }
    return current.stream().filter(n -> !n.isMissingNode()).toList();
  }

  private static List<Function<JsonNode, List<JsonNode>>> parse(String path) {
    List<Function<JsonNode, List<JsonNode>>> steps = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.' && i + 1 < path.length() && path.charAt(i + 1) == '.') {
        int end = nameEnd(path, i + 2);
        steps.add(recursive(path.substring(i + 2, end)));
        i = end;
      } else if (c == '.') {
        int end = nameEnd(path, i + 1);
        String name = path.substring(i + 1, end);
        if (!name.isEmpty()) {
          steps.add(name.equals("*") ? JsonPath::children : field(name));
        }
        i = end;
      } else if (c == '[') {
        int end = closingBracket(path, i);
        steps.add(bracket(path.substring(i + 1, end).trim()));
        i = end + 1;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        int end = nameEnd(path, i);
        steps.add(field(path.substring(i, end)));
        i = end;
      }
    }
    return steps;
  }

  private static int nameEnd(String path, int from) {
    int i = from;
    while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
      i++;
    }
    return i;
  }

  private static int closingBracket(String path, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if ((c == ']' || c == ')') && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed [ in JSONPath " + path);
  }

  private static Function<JsonNode, List<JsonNode>> bracket(String content) {
    if (content.equals("*")) {
      return JsonPath::children;
    }
    if (content.startsWith("?")) {
      String expression = content.substring(1).trim();
      return filter(expression.substring(1, expression.length() - 1).trim());
    }
    if (content.startsWith("'") || content.startsWith("\"")) {
      return field(content.substring(1, content.length() - 1));
    }
    if (content.contains(":")) {
      return slice(content);
    }
    int index = Integer.parseInt(content);
    return node -> {
      int at = index < 0 ? node.size() + index : index;
      return node.isArray() && at >= 0 && at < node.size() ? List.of(node.get(at)) : List.of();
    };
  }

  private static Function<JsonNode, List<JsonNode>> field(String name) {
    return node -> node.isObject() && node.has(name) ? List.of(node.get(name)) : List.of();
  }

  private static List<JsonNode> children(JsonNode node) {
    List<JsonNode> result = new ArrayList<>();
    node.elements().forEachRemaining(result::add);
    return result;
  }

  private static Function<JsonNode, List<JsonNode>> recursive(String name) {
    return node -> {
      List<JsonNode> result = new ArrayList<>();
      collect(node, name, result);
      return result;
    };
  }

  private static void collect(JsonNode node, String name, List<JsonNode> into) {
    if (node.isObject() && node.has(name)) {
      into.add(node.get(name));
    }
    node.elements().forEachRemaining(child -> collect(child, name, into));
  }

  private static Function<JsonNode, List<JsonNode>> slice(String content) {
    String[] bounds = content.split(":", -1);
    return node -> {
      if (!node.isArray()) {
        return List.of();
      }
      int size = node.size();
      int from = bound(bounds[0], 0, size);
      int to = bound(bounds[1], size, size);
      List<JsonNode> result = new ArrayList<>();
      for (int i = Math.max(0, from); i < Math.min(size, to); i++) {
        result.add(node.get(i));
      }
      return result;
    };
  }

  private static int bound(String text, int fallback, int size) {
    if (text.isBlank()) {
      return fallback;
    }
    int value = Integer.parseInt(text.trim());
    return value < 0 ? size + value : value;
  }

  private static final Map<String, java.util.function.IntPredicate> COMPARISONS = Map.of(
      "==", r -> r == 0, "!=", r -> r != 0, "<=", r -> r <= 0, ">=", r -> r >= 0, "<", r -> r < 0, ">", r -> r > 0);

  private static Function<JsonNode, List<JsonNode>> filter(String expression) {
    for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
      int at = expression.indexOf(op);
      if (at > 0) {
        JsonPath left = compile(expression.substring(0, at).trim().replaceFirst("^@", ""));
        String literal = unquote(expression.substring(at + op.length()).trim());
        var test = COMPARISONS.get(op);
        return node -> children(node).stream().filter(element -> left.evaluate(element).stream()
            .anyMatch(value -> test.test(compare(value, literal)))).toList();
      }
    }
    JsonPath exists = compile(expression.replaceFirst("^@", ""));
    return node -> children(node).stream().filter(element -> !exists.evaluate(element).isEmpty()).toList();
  }

  private static String unquote(String literal) {
    boolean quoted = literal.length() >= 2 && (literal.startsWith("\"") && literal.endsWith("\"")
        || literal.startsWith("'") && literal.endsWith("'"));
    return quoted ? literal.substring(1, literal.length() - 1) : literal;
  }

  private static int compare(JsonNode value, String literal) {
    if (value.isNumber()) {
      try {
        return Double.compare(value.asDouble(), Double.parseDouble(literal));
      } catch (NumberFormatException e) {
        return value.asText().compareTo(literal);
      }
    }
    return value.asText().compareTo(literal);
  }
}
