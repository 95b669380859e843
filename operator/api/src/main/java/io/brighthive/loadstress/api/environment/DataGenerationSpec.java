package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import lombok.Data;

/** Overrides for the generated data. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DataGenerationSpec {
  @Min(1000)
  @Max(10_000_000_000L)
  @JsonPropertyDescription("Rows of the orders fact table; other tables scale with it. Default 1,000,000 (subset) or 1,000,000,000 (full).")
  private Long records;

  @Min(0)
  @JsonPropertyDescription("Seed of the deterministic generator: the same seed gives the same rows. Default 42.")
  private Long seed;

  @Size(max = 16)
  @ValidationRule(value = "self.all(d, self.exists_one(e, e == d))", message = "dataGeneration.datasets lists a dataset twice")
  @JsonPropertyDescription("Datasets to generate. Default: all of them.")
  private List<Dataset> datasets;
}
