package io.brighthive.loadstress.api.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** One entry of a run's append-only phase history. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StateTransition {
  private RunPhase phase;
  private String time;
  private String message;
}
