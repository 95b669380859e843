package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import lombok.Data;

/** Thresholds of the environment's CloudWatch alarms. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlarmThresholds {
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Redshift CPU utilization in percent, averaged over two 5-minute periods. Default 80.")
  private Integer redshiftCpuPercent;

  @Min(1)
  @Max(2000)
  @JsonPropertyDescription("Redshift database connections. Default 450.")
  private Integer redshiftConnections;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Redshift disk space used in percent. Default 85.")
  private Integer redshiftDiskPercent;

  @Min(1)
  @Max(86400)
  @JsonPropertyDescription("Redshift query duration in seconds above which a query counts as slow. Default 30.")
  private Integer slowQuerySeconds;
}
