package io.brighthive.loadstress.generator.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The datasets that {@code generate --datasets} accepts; each writes one or more tables. */
public enum DatasetId {
  CUSTOMERS("customers"),
  PRODUCTS("products"),
  ORDERS("orders"),
  MULTI_SOURCE_ENTITIES("multi_source_entities"),
  EVENTS("events"),
  CATALOG("catalog"),
  LINEAGE("lineage"),
  QUERY_LOGS("query_logs"),
  SUPPORT_TICKETS("support_tickets");

  private final String id;

  DatasetId(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static DatasetId fromId(String id) {
    return Arrays.stream(values())
        .filter(d -> d.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown dataset '" + id + "'; known datasets: " + knownIds()));
  }

  public static String knownIds() {
    return Arrays.stream(values()).map(DatasetId::id).collect(Collectors.joining(", "));
  }
}
