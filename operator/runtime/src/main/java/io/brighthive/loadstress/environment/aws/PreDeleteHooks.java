package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.environment.render.Component;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;

/** Chooses the work that must precede the deletion of each stack. */
@FunctionalInterface
public interface PreDeleteHooks {
  PreDeleteHooks NONE = (component, resolved, recorded) -> StackTeardown.PreDelete.NONE;

  StackTeardown.PreDelete forComponent(Component component, ResolvedEnvironment resolved, StackState recorded);
}
