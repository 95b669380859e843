package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A dataset that the generator can write into the data lake. */
public enum Dataset {
  @JsonProperty("customers")
  CUSTOMERS,
  @JsonProperty("products")
  PRODUCTS,
  @JsonProperty("orders")
  ORDERS,
  @JsonProperty("multi_source_entities")
  MULTI_SOURCE_ENTITIES,
  @JsonProperty("events")
  EVENTS,
  @JsonProperty("catalog")
  CATALOG,
  @JsonProperty("lineage")
  LINEAGE,
  @JsonProperty("query_logs")
  QUERY_LOGS,
  @JsonProperty("support_tickets")
  SUPPORT_TICKETS
}
