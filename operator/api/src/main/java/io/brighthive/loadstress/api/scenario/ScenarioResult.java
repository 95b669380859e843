package io.brighthive.loadstress.api.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import lombok.Data;

/** The result of a finished run, read from the result JSON that the scenario job wrote. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScenarioResult {
  private Verdict verdict;
  private Long recordsProcessed;
  private Long bytesScanned;
  private Double throughputPerSecond;
  private LatencyMs latencyMs;
  private List<SloResult> slos;
}
