package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import lombok.Data;

/** Overrides for the EMR Serverless stack. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EmrSpec {
  @Pattern("^emr-7\\.[0-9]+\\.[0-9]+$")
  @JsonPropertyDescription("EMR release label; 7.x runs Spark 3.5 on Java 17. Default emr-7.5.0.")
  private String releaseLabel;

  @JsonPropertyDescription("Pre-initialized driver workers. Default 1 x 4 vCPU / 16 GB.")
  private WorkerSpec driver;

  @JsonPropertyDescription("Pre-initialized executor workers. Default 2 x 16 vCPU / 64 GB (subset), 20 x 16 vCPU / 120 GB (full).")
  private WorkerSpec executor;

  @JsonPropertyDescription("Maximum capacity of the application. Default 800 vCPU / 3200 GB.")
  private CapacitySpec maximumCapacity;

  @Min(1)
  @Max(10080)
  @JsonPropertyDescription("Minutes of idleness after which the application stops and releases its workers. Default 15.")
  private Integer idleTimeoutMinutes;
}
