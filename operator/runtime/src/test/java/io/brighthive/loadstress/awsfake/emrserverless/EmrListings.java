package io.brighthive.loadstress.awsfake.emrserverless;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** ListApplications and ListJobRuns: repeated {@code states} filters, time filters, maxResults and nextToken. */
final class EmrListings {

  private EmrListings() {
  }

  /** TERMINATED applications are left out unless asked for by state. */
  static ObjectNode applications(EmrState state, String rawQuery) {
    Map<String, List<String>> query = query(rawQuery);
    List<String> states = query.getOrDefault("states", List.of());
    Stream<Application> apps = state.applications.values().stream()
        .filter(a -> states.isEmpty() ? !a.state.equals("TERMINATED") : states.contains(a.state));
    return page(apps.map(Application::summary).toList(), "applications", query);
  }

  /** Newest first; filtered by states, createdAtAfter, createdAtBefore. */
  static ObjectNode jobRuns(EmrState state, Application app, String rawQuery) {
    Map<String, List<String>> query = query(rawQuery);
    List<String> states = query.getOrDefault("states", List.of());
    Instant after = instant(query, "createdAtAfter");
    Instant before = instant(query, "createdAtBefore");
    List<FakeJobRun> newestFirst = new ArrayList<>(state.runs.values());
    Collections.reverse(newestFirst);
    List<ObjectNode> runs = newestFirst.stream().filter(r -> r.application == app)
        .filter(r -> states.isEmpty() || states.contains(r.state))
        .filter(r -> after == null || r.createdAt.isAfter(after))
        .filter(r -> before == null || r.createdAt.isBefore(before))
        .sorted(Comparator.comparing((FakeJobRun r) -> r.createdAt).reversed())
        .map(FakeJobRun::summary).toList();
    return page(runs, "jobRuns", query);
  }

  /** maxResults 1–50 (default 50), nextToken an opaque offset. */
  private static ObjectNode page(List<ObjectNode> items, String field, Map<String, List<String>> query) {
    int max = query.containsKey("maxResults") ? Integer.parseInt(query.get("maxResults").get(0)) : 50;
    if (max < 1 || max > 50) {
      throw EmrState.validation("1 validation error detected: Value '" + max + "' at 'maxResults' failed to "
          + "satisfy constraint: Member must have value less than or equal to 50");
    }
    int from = 0;
    if (query.containsKey("nextToken")) {
      try {
        from = Integer.parseInt(new String(Base64.getDecoder().decode(query.get("nextToken").get(0)),
            StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw EmrState.validation("Invalid nextToken");
      }
    }
    ObjectNode out = EmrJson.object();
    ArrayNode array = out.putArray(field);
    items.stream().skip(from).limit(max).forEach(array::add);
    if (from + max < items.size()) {
      out.put("nextToken", Base64.getEncoder().encodeToString(String.valueOf(from + max)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return out;
  }

  private static Instant instant(Map<String, List<String>> query, String name) {
    if (!query.containsKey(name)) {
      return null;
    }
    String value = query.get(name).get(0);
    try {
      return Instant.parse(value);
    } catch (RuntimeException e) {
      return Instant.ofEpochMilli((long) (Double.parseDouble(value) * 1000));
    }
  }
}
