package io.brighthive.loadstress.api.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import lombok.Data;

/** What every loadstress status holds: the generation it reflects and its conditions. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class LoadstressStatus {
  private Long observedGeneration;
  private List<Condition> conditions = new ArrayList<>();
  /** A one-line summary for people: what is happening or what went wrong. */
  private String message;
}
