package io.brighthive.loadstress.api.environment;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;

/** One typed block per stack of the environment. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Stacks {
  private StackState vpc;
  private StackState dataLake;
  private StackState redshift;
  private StackState emr;
  private StackState monitoring;
}
