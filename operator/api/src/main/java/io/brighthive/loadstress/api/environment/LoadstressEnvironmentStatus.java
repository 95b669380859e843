package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.brighthive.loadstress.api.status.LoadstressStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Observed state of a LoadstressEnvironment. */
@Data
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadstressEnvironmentStatus extends LoadstressStatus {
  private EnvironmentPhase phase;
  private Stacks stacks;
  private Endpoints endpoints;
  private DataGenerationState dataGeneration;
  private CostEstimate cost;
  /** When the environment expires under spec.ttl (RFC 3339). */
  private String expiresAt;
}
