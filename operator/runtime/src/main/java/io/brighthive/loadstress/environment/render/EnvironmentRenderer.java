package io.brighthive.loadstress.environment.render;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.environment.sizing.EnvironmentSizing;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Renders the five CloudFormation stacks of an environment with provider aws. No AWS calls. */
public final class EnvironmentRenderer {
  private EnvironmentRenderer() {}

  /** Resolves and renders; run {@code EnvironmentSpecValidator} first. */
  public static RenderedEnvironment render(LoadstressEnvironment environment) {
    return render(EnvironmentSizing.resolve(environment));
  }

  public static RenderedEnvironment render(ResolvedEnvironment env) {
    if (env.provider() != Provider.AWS) {
      throw new IllegalArgumentException(env.namespace() + "/" + env.name()
          + " uses provider " + env.provider() + ": only aws environments have stacks");
    }
    Names names = Names.of(env.namespace(), env.name());
    List<RenderedStack> stacks = new ArrayList<>();
    for (Component component : Component.values()) {
      RenderContext ctx = new RenderContext(env, names, component);
      StackTemplate template = renderer(component).apply(ctx);
      stacks.add(RenderedStack.of(component, names.stackName(component.id()), template,
          RenderContext.tags(env, component)));
    }
    return new RenderedEnvironment(env, names, stacks);
  }

  private static Function<RenderContext, StackTemplate> renderer(Component component) {
    return switch (component) {
      case VPC -> VpcStack::render;
      case DATA_LAKE -> DataLakeStack::render;
      case REDSHIFT -> RedshiftStack::render;
      case EMR -> EmrStack::render;
      case MONITORING -> MonitoringStack::render;
    };
  }
}
