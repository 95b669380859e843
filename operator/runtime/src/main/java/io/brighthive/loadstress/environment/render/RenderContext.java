package io.brighthive.loadstress.environment.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.brighthive.loadstress.environment.Names;
import io.brighthive.loadstress.environment.sizing.ResolvedEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a stack renderer needs: the environment, its names, and the stack being rendered. */
record RenderContext(ResolvedEnvironment env, Names names, Component component) {

  /** The operator's identity tags, then the spec's tags in key order. */
  static Map<String, String> tags(ResolvedEnvironment env, Component component) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(Names.TAG_NAMESPACE, env.namespace());
    tags.put(Names.TAG_NAME, env.name());
    tags.put(Names.TAG_COMPONENT, component.id());
    tags.put(Names.TAG_MANAGED_BY, Names.MANAGED_BY);
    env.tags().forEach(tags::putIfAbsent);
    return tags;
  }

  String region() {
    return env.awsRegion();
  }

  ArrayNode tags() {
    return Cfn.tags(tags(env, component));
  }

  /** Tags with a Name tag, which the EC2 console shows as the resource's name. */
  ArrayNode tags(String name) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Name", name);
    tags(env, component).forEach(tags::putIfAbsent);
    return Cfn.tags(tags);
  }
}
