package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A chainable JSON object: the properties of a resource, or any nested property. */
final class Props {
  private final ObjectNode node;

  private Props(ObjectNode node) {
    this.node = node;
  }

  static Props of() {
    return new Props(Cfn.object());
  }

  static Props wrap(ObjectNode node) {
    return new Props(node);
  }

  /** Sets a key; values are converted as {@link Cfn#node} describes, a {@link Props} nests. */
  Props put(String key, Object value) {
    node.set(key, value instanceof Props props ? props.node : Cfn.node(value));
    return this;
  }

  Props putIf(boolean condition, String key, Object value) {
    return condition ? put(key, value) : this;
  }

  ObjectNode node() {
    return node;
  }
}
