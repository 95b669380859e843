package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Mode;
import io.brighthive.loadstress.environment.sizing.EnvironmentSpecValidator;
import io.brighthive.loadstress.environment.sizing.TestEnvironments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Renders test environments and finds things in the templates. */
final class Templates {
  private Templates() {}

  static RenderedEnvironment subset() {
    return render(TestEnvironments.subset());
  }

  static RenderedEnvironment full() {
    return render(TestEnvironments.full());
  }

  static RenderedEnvironment render(Mode mode, Consumer<LoadstressEnvironmentSpec> change) {
    return render(TestEnvironments.environment("ns", "variant", mode, change));
  }

  /** Renders a valid environment; an invalid one fails the test, naming the problems. */
  static RenderedEnvironment render(LoadstressEnvironment environment) {
    List<String> problems = EnvironmentSpecValidator.validate(environment);
    if (!problems.isEmpty()) {
      throw new AssertionError("test environment is invalid: " + problems);
    }
    return EnvironmentRenderer.render(environment);
  }

  static JsonNode template(RenderedEnvironment env, Component component) {
    return env.stack(component).template();
  }

  static JsonNode resource(RenderedEnvironment env, Component component, String logicalId) {
    JsonNode resource = template(env, component).path("Resources").path(logicalId);
    if (resource.isMissingNode()) {
      throw new AssertionError("no resource " + logicalId + " in the " + component + " stack");
    }
    return resource;
  }

  static JsonNode properties(RenderedEnvironment env, Component component, String logicalId) {
    return resource(env, component, logicalId).path("Properties");
  }

  static List<JsonNode> resourcesOfType(JsonNode template, String type) {
    List<JsonNode> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : template.path("Resources").properties()) {
      if (type.equals(entry.getValue().path("Type").asText())) {
        found.add(entry.getValue());
      }
    }
    return found;
  }

  /** Every template of the environment as one text, for searches across all of them. */
  static String allText(RenderedEnvironment env) {
    StringBuilder text = new StringBuilder();
    env.creationOrder().forEach(stack -> text.append(stack.prettyTemplate()));
    return text.toString();
  }
}
