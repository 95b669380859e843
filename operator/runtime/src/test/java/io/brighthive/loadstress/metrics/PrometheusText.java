package io.brighthive.loadstress.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of the Prometheus text format, with labels compared in any order. */
final class PrometheusText {
  private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PrometheusText() {}

  /** The value of {@code series} ({@code name} or {@code name{a="1",b="2"}}); fails when it is absent. */
  static double value(String text, String series) {
    Map<String, Double> samples = samples(text);
    String key = canonical(series);
    Double value = samples.get(key);
    if (value == null) {
      throw new AssertionError("no sample " + key + " in:\n" + text);
    }
    return value;
  }

  static Map<String, Double> samples(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    Arrays.stream(text.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
      Matcher m = LINE.matcher(line.trim());
      if (m.matches()) {
        samples.put(canonical(m.group(1), m.group(3)), Double.parseDouble(m.group(4)));
      }
    });
    return samples;
  }

  private static String canonical(String series) {
    int brace = series.indexOf('{');
    return brace < 0 ? canonical(series, null) : canonical(series.substring(0, brace), series.substring(brace + 1, series.length() - 1));
  }

  private static String canonical(String name, String labels) {
    Map<String, String> sorted = new TreeMap<>();
    if (labels != null) {
      Matcher m = LABEL.matcher(labels);
      while (m.find()) {
        sorted.put(m.group(1), m.group(2));
      }
    }
    StringBuilder key = new StringBuilder(name);
    if (!sorted.isEmpty()) {
      key.append('{');
      sorted.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
      key.setLength(key.length() - 1);
      key.append('}');
    }
    return key.toString();
  }
}
