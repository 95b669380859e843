package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Size of an environment: subset (1M records, small cluster) or full (1B records, larger cluster). */
public enum Mode {
  @JsonProperty("subset")
  SUBSET,
  @JsonProperty("full")
  FULL
}
