package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A rendered template and the parameters it declares. */
record StackTemplate(ObjectNode template, List<StackParameter> parameters) {
  StackTemplate {
    parameters = List.copyOf(parameters);
  }

  static StackTemplate of(TemplateBuilder builder) {
    return new StackTemplate(builder.build(), builder.parameters());
  }
}
