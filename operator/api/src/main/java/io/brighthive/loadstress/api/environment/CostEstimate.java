package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;

/** Estimated cost of keeping the environment up, from the operator's price table. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CostEstimate {
  private Double hourlyUsd;
  private Double dailyUsd;
  /** Date of the price table the estimate uses. */
  private String priceTableDate;
}
