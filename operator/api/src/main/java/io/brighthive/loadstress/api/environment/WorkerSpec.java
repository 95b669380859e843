package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A group of pre-initialized EMR Serverless workers of one size. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = EmrWorkerSizes.RULE, message = EmrWorkerSizes.MESSAGE, messageExpression = EmrWorkerSizes.MESSAGE_EXPRESSION)
public class WorkerSpec {
  @Required
  @Min(1)
  @Max(16)
  @JsonPropertyDescription("vCPUs per worker: 1, 2, 4, 8 or 16.")
  private Integer cpu;

  @Required
  @Min(2)
  @Max(120)
  @JsonPropertyDescription("Memory per worker in GB, within the range EMR Serverless allows for the vCPU count.")
  private Integer memoryGb;

  @Min(EmrWorkerSizes.MIN_DISK_GB)
  @Max(EmrWorkerSizes.MAX_DISK_GB)
  @JsonPropertyDescription("Ephemeral disk per worker in GB, 20 to 200. Default 20.")
  private Integer diskGb;

  @Required
  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Number of pre-initialized workers.")
  private Integer count;
}
