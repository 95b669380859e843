package io.brighthive.loadstress.api.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;

/** One SLO of a run: the target, what was measured and whether it held. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SloResult {
  private String name;
  /** How actual compares to target for a pass, such as "<=" or ">=". */
  private String comparator;
  private Double target;
  private Double actual;
  private String unit;
  private Verdict verdict;
}
