package io.brighthive.loadstress.api.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;

/** Query latency percentiles in milliseconds. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LatencyMs {
  private Double p50;
  private Double p95;
  private Double p99;
  private Double max;
}
