package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rendered stack.
 *
 * @param stackName the CloudFormation stack name, which is also the stack's external id
 * @param parameters the parameters the template declares, each filled from an earlier stack's output
 * @param tags stack tags for CreateStack/UpdateStack; every taggable resource also carries them
 * @param contentHash SHA-256 of the template and its parameter declarations; see {@link #contentHash(Map)}
 */
public record RenderedStack(
    Component component,
    String stackName,
    ObjectNode template,
    List<StackParameter> parameters,
    Map<String, String> tags,
    String contentHash) {

  public RenderedStack {
    template = template.deepCopy();
    parameters = List.copyOf(parameters);
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  static RenderedStack of(Component component, String stackName, StackTemplate rendered, Map<String, String> tags) {
    StringBuilder declaration = new StringBuilder(TemplateJson.compact(rendered.template()));
    for (StackParameter p : rendered.parameters()) {
      declaration.append('\n').append(p.name()).append(':').append(p.type()).append('<')
          .append(p.source().component().id()).append('.').append(p.source().outputKey());
    }
    return new RenderedStack(component, stackName, rendered.template(), rendered.parameters(), tags,
        TemplateJson.sha256(declaration.toString()));
  }

  /** A copy of the template; the record stays immutable. */
  @Override
  public ObjectNode template() {
    return template.deepCopy();
  }

  /** Compact JSON for TemplateBody. */
  public String templateBody() {
    return TemplateJson.compact(template);
  }

  public String prettyTemplate() {
    return TemplateJson.pretty(template);
  }

  /**
   * The parameter values for CreateStack/UpdateStack, read from the outputs of the stacks this one
   * depends on.
   *
   * @throws IllegalStateException naming the output when an earlier stack has not produced it yet
   */
  public Map<String, String> parameterValues(Map<Component, Map<String, String>> outputsByComponent) {
    Map<String, String> values = new LinkedHashMap<>();
    for (StackParameter p : parameters) {
      String value = outputsByComponent.getOrDefault(p.source().component(), Map.of()).get(p.source().outputKey());
      if (value == null) {
        throw new IllegalStateException(stackName + " needs output " + p.source().outputKey() + " of the "
            + p.source().component().id() + " stack for parameter " + p.name());
      }
      values.put(p.name(), value);
    }
    return values;
  }

  /** Hash of template, parameter declarations and the given values: what was last applied. */
  public String contentHash(Map<String, String> parameterValues) {
    StringBuilder text = new StringBuilder(contentHash);
    new TreeMap<>(parameterValues).forEach((key, value) -> text.append('\n').append(key).append('=').append(value));
    return TemplateJson.sha256(text.toString());
  }
}
