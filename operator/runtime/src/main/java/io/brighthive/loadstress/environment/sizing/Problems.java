package io.brighthive.loadstress.environment.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects human-readable validation problems, each naming the field it is about. */
final class Problems {
  private final List<String> messages = new ArrayList<>();

  void add(String field, String message) {
    messages.add(field + ": " + message);
  }

  void require(boolean condition, String field, String message) {
    if (!condition) {
      add(field, message);
    }
  }

  /** Checks an optional number against an inclusive range; null passes. */
  void range(Number value, long min, long max, String field) {
    if (value != null && (value.longValue() < min || value.longValue() > max)) {
      add(field, "must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** Checks an optional string against a pattern; null passes. */
  void pattern(String value, Pattern pattern, String field, String expectation) {
    if (value != null && !pattern.matcher(value).matches()) {
      add(field, "must be " + expectation + ", got '" + value + "'");
    }
  }

  int size() {
    return messages.size();
  }

  List<String> messages() {
    return List.copyOf(messages);
  }
}
