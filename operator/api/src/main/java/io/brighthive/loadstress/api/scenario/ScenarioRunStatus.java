package io.brighthive.loadstress.api.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.brighthive.loadstress.api.environment.JobRunState;
import io.brighthive.loadstress.api.status.LoadstressStatus;
import java.util.ArrayList;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Observed state of a ScenarioRun. */
@Data
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScenarioRunStatus extends LoadstressStatus {
  private RunPhase phase;
  private JobRunState jobRun;
  private Integer attempts;
  private String startTime;
  private String completionTime;
  /** Wall time of the run, such as 4m12s. */
  private String duration;
  private ScenarioResult result;
  /** Where the result JSON is: s3:// (aws) or file: (local). */
  private String resultLocation;
  private Double costUsd;
  /** The uid of the environment the run was admitted against; a run whose environment disappears fails instead of waiting. */
  private String environmentUid;
  private List<StateTransition> history = new ArrayList<>();
}
