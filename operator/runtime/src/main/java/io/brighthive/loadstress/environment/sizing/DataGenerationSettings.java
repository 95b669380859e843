package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.Dataset;
import java.util.List;

/** Effective data generation settings. */
public record DataGenerationSettings(long records, long seed, List<Dataset> datasets) {
  public DataGenerationSettings {
    datasets = List.copyOf(datasets);
  }
}
