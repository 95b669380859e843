package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;

/** A job run (data generation or a scenario), recorded before and after it is submitted. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobRunState {
  private String jobRunId;
  /** Idempotency token sent with the submission; written to status before the call. */
  private String clientToken;
  private String state;
  private String stateDetails;
  private Integer attempt;
  private String submittedAt;
  private String finishedAt;
  private String logLocation;
}
