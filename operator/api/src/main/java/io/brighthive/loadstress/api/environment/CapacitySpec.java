package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** The most an EMR Serverless application may scale to, summed over all its workers. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CapacitySpec {
  @Required
  @Min(1)
  @Max(100000)
  @JsonPropertyDescription("Total vCPUs.")
  private Integer cpu;

  @Required
  @Min(1)
  @Max(1000000)
  @JsonPropertyDescription("Total memory in GB.")
  private Integer memoryGb;

  @Min(20)
  @Max(10000000)
  @JsonPropertyDescription("Total disk in GB. Default 20 GB per worker that fits in cpu.")
  private Integer diskGb;
}
