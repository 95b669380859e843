package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** The data-generation job and what it produced, from the generator's manifest. */
@Data
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataGenerationState extends JobRunState {
  private Long records;
  private Long bytes;
  private Long durationSeconds;
  private Long seed;
  /** Hash of records, seed and datasets: a change of any of them generates the data again. */
  private String parametersHash;
  /** Earliest time of the next attempt after a failed run (RFC 3339). */
  private String nextAttemptAt;
}
