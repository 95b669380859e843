package io.brighthive.loadstress.api.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;
import lombok.Data;

/** Which scenario to run, against which environment, with which parameters and SLOs. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self == oldSelf", message = "a ScenarioRun's spec is immutable: create a new ScenarioRun to run again")
public class ScenarioRunSpec {
  @Required
  @JsonPropertyDescription("The environment to run against.")
  private EnvironmentRef environmentRef;

  @Required
  @JsonPropertyDescription("Scenario id, S01 to S16.")
  private ScenarioId scenario;

  @Size(max = 64)
  @JsonPropertyDescription("Scenario parameters (scale, concurrency, duration, …); each scenario documents its own.")
  private Map<String, String> parameters;

  @Size(max = 64)
  @JsonPropertyDescription("Overrides of the scenario's SLO targets, by SLO name.")
  private Map<String, Double> slos;

  @Pattern("^([0-9]+h)?([0-9]+m)?([0-9]+s)?$")
  @ValidationRule(value = "self != ''", message = "spec.timeout must not be empty: use a duration such as 30m or 2h, or leave it out")
  @ValidationRule(
      value = "self == '' || self.matches('[1-9]')",
      message = "spec.timeout must be longer than zero: use a duration such as 30m or 2h, or leave it out for the default of 1h")
  @JsonPropertyDescription("Longest the run may take, such as 30m or 2h; the job is cancelled after that. Default 1h.")
  private String timeout;

  @Min(0)
  @Max(10)
  @JsonPropertyDescription("How many times a failed job is submitted again, 0 to 10. Default 0.")
  private Integer retries;

  @Min(0)
  @JsonPropertyDescription("Seconds after the run finishes when the operator deletes it. Kept when absent.")
  private Long ttlSecondsAfterFinished;
}
