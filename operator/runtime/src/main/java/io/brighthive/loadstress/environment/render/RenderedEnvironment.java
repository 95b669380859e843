package io.brighthive.loadstress.environment.render;

import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The five stacks of an environment in creation order: VPC, DataLake, then Redshift and EMR, then
 * Monitoring. Delete in {@link #deletionOrder()}.
 */
public record RenderedEnvironment(ResolvedEnvironment environment, Names names, List<RenderedStack> stacks) {
  public RenderedEnvironment {
    stacks = List.copyOf(stacks);
  }

  public List<RenderedStack> creationOrder() {
    return stacks;
  }

  public List<RenderedStack> deletionOrder() {
    List<RenderedStack> reversed = new ArrayList<>(stacks);
    Collections.reverse(reversed);
    return reversed;
  }

  public RenderedStack stack(Component component) {
    return stacks.stream()
        .filter(s -> s.component() == component)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + component + " stack"));
  }

  /** Parameter values of one stack, from the outputs of the stacks created before it. */
  public Map<String, String> parameterValues(Component component, Map<Component, Map<String, String>> outputs) {
    return stack(component).parameterValues(outputs);
  }
}
