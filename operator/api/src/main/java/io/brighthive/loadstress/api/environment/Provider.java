package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an environment runs: real AWS services, or local stand-ins with no cloud at all. */
public enum Provider {
  @JsonProperty("aws")
  AWS,
  @JsonProperty("local")
  LOCAL
}
