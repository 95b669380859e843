package io.brighthive.loadstress.awsfake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an AWS query-protocol request ({@code Action=CreateStack&Parameters.member.1.ParameterKey=…}).
 *
 * <p>The SDK omits a list that the caller did not set and sends {@code Name=} for an empty one, so
 * {@link #list} and {@link #structs} return empty {@code Optional} only when the list was not sent at all.
 */
public final class QueryParams {

  private final Map<String, String> values;

  public QueryParams(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  static void parseInto(String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = FakeRequest.decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : FakeRequest.decode(pair.substring(eq + 1));
      into.put(key, value);
    }
  }

  public String get(String name) {
    return values.get(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value, or a ValidationError in the SDK's own words when it is missing. */
  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw AwsError.validation("1 validation error detected: Value null at '" + lowerFirst(name)
          + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  public boolean bool(String name, boolean fallback) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? fallback : Boolean.parseBoolean(value);
  }

  public Optional<Integer> integer(String name) {
    String value = values.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(value));
  }

  /** {@code Name.member.1=a&Name.member.2=b} as [a, b]. */
  public Optional<List<String>> list(String name) {
    List<String> out = new ArrayList<>();
    for (int i = 1; values.containsKey(name + ".member." + i); i++) {
      out.add(values.get(name + ".member." + i));
    }
    return out.isEmpty() && !values.containsKey(name) ? Optional.empty() : Optional.of(out);
  }

  /** {@code Name.member.1.Key=k&Name.member.1.Value=v} as [{Key=k, Value=v}]. */
  public Optional<List<Map<String, String>>> structs(String name) {
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; ; i++) {
      String prefix = name + ".member." + i + ".";
      Map<String, String> member = new LinkedHashMap<>();
      values.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          member.put(k.substring(prefix.length()), v);
        }
      });
      if (member.isEmpty()) {
        break;
      }
      out.add(member);
    }
    return out.isEmpty() && !values.containsKey(name) ? Optional.empty() : Optional.of(out);
  }

  public Map<String, String> asMap() {
    return values;
  }

  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
