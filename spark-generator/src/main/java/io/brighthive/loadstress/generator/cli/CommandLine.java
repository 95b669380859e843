package io.brighthive.loadstress.generator.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately tiny GNU-style parser ({@code --name value}, {@code --name=value}, {@code --flag}),
 * so the job jar needs no shaded CLI library.
 */
public final class CommandLine {

  private final Map<String, String> values;

  private CommandLine(Map<String, String> values) {
    this.values = values;
  }

  public static CommandLine parse(List<String> args, Set<String> valueOptions, Set<String> flags) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value;
      if (flags.contains(name)) {
        if (eq >= 0) {
          throw new UsageException("option --" + name + " takes no value");
        }
        value = "true";
      } else if (valueOptions.contains(name)) {
        if (eq >= 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
          value = args.get(++i);
        } else {
          throw new UsageException("option --" + name + " needs a value");
        }
      } else {
        throw new UsageException("unknown option --" + name);
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new UsageException("option --" + name + " given more than once");
      }
    }
    return new CommandLine(values);
  }

  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public String required(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("missing required option --" + name);
    }
    return value;
  }

  public boolean flag(String name) {
    return values.containsKey(name);
  }

  public long longValue(String name, long fallback) {
    return value(name).map(v -> parseLong(name, v)).orElse(fallback);
  }

  public long requiredLong(String name) {
    return parseLong(name, required(name));
  }

  public double doubleValue(String name, double fallback) {
    return value(name).map(v -> parseDouble(name, v)).orElse(fallback);
  }

  private static long parseLong(String name, String text) {
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + text + "'");
    }
  }

  private static double parseDouble(String name, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got '" + text + "'");
    }
  }
}
