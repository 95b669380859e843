package io.brighthive.loadstress.awsfake.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook.Deletion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ResourceHook}s by resource type, and what they are told: a resource's view (ids, evaluated properties,
 * attributes, tags) and how its DeletionPolicy wants it deleted. Resource types without a hook are left alone.
 * Called under the registry's lock.
 */
final class ResourceLifecycle {

  private final Map<String, ResourceHook> hooks = new ConcurrentHashMap<>();

  void register(String type, ResourceHook hook) {
    hooks.put(type, hook);
  }

  /** DeletionPolicy Retain (not RetainExceptOnCreate, which a failed create still deletes) keeps the resource. */
  static boolean retained(Template template, String logicalId, boolean rollbackOfCreate) {
    String policy = policy(template, logicalId);
    return policy.equals("Retain") || (!rollbackOfCreate && policy.equals("RetainExceptOnCreate"));
  }

  static Deletion deletion(Template template, String logicalId) {
    return policy(template, logicalId).equals("Snapshot") ? Deletion.SNAPSHOT : Deletion.DELETE;
  }

  private static String policy(Template template, String logicalId) {
    JsonNode resource = template == null ? null : template.resource(logicalId);
    return resource == null ? "Delete" : resource.path("DeletionPolicy").asText("Delete");
  }

  String createFailure(Stack stack, StackEnv env, String logicalId) {
    ResourceHook hook = hooks.get(env.template().type(logicalId));
    return hook == null ? null : hook.createFailure(view(stack, env, logicalId, env.physicalId(logicalId)));
  }

  void created(Stack stack, StackEnv env, StackResource resource) {
    ResourceHook hook = hooks.get(resource.type);
    if (hook != null) {
      hook.created(view(stack, env, resource.logicalId, resource.physicalId));
    }
  }

  /** Null when the resource is gone (or has no hook), else the DELETE_FAILED reason. */
  String deleted(Stack stack, StackEnv env, StackResource resource, Deletion deletion) {
    ResourceHook hook = hooks.get(resource.type);
    if (hook == null || resource.physicalId == null) {
      return null;
    }
    return hook.deleted(view(stack, env, resource.logicalId, resource.physicalId), deletion);
  }

  private static ProvisionedResource view(Stack stack, StackEnv env, String logicalId, String physicalId) {
    boolean defined = env != null && env.template().resource(logicalId) != null;
    JsonNode properties = defined ? env.evaluatedProperties(logicalId) : Template.JSON.createObjectNode();
    Map<String, String> tags = stack.deployment == null ? Map.of() : stack.deployment.tags();
    String type = defined ? env.template().type(logicalId) : null;
    return new ProvisionedResource(stack.name, stack.id, stack.region, logicalId, type, physicalId,
        properties.isMissingNode() ? Template.JSON.createObjectNode() : properties, tags,
        attribute -> defined ? env.attribute(logicalId, attribute) : null);
  }
}
