package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

/** Overrides for the data lake stack. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = Defaults.TIERING_RULE,
    message = "dataLake.tieringAfterDays must be smaller than dataLake.retentionDays (default 90)")
public class DataLakeSpec {
  @Min(1)
  @Max(3650)
  @JsonPropertyDescription("Days after which objects expire, 1 to 3650. Default 90.")
  private Integer retentionDays;

  @Min(0)
  @Max(3649)
  @JsonPropertyDescription("Days after which objects move to S3 Intelligent-Tiering. Default 0 (at once).")
  private Integer tieringAfterDays;

  @JsonPropertyDescription("Overrides spec.deletionPolicy for the bucket: Retain keeps it and its data.")
  private DeletionPolicy deletionPolicy;
}
