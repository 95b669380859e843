package io.brighthive.loadstress.awsfake.emrserverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brighthive.loadstress.awsfake.cloudformation.ProvisionedResource;
import io.brighthive.loadstress.awsfake.cloudformation.ResourceHook;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS::EMRServerless::Application in stacks: the application (id = the resource's physical id, which is the
 * stack's {@code ApplicationId}) is CREATED from its CREATE_COMPLETE on, configured from the resource's properties
 * (PascalCase list-of-Key/Value shapes turned into the API's camelCase maps). Stack deletion stops and terminates
 * it; while job runs are still active the deletion fails (the fake's wording; cancel the runs first).
 */
final class ApplicationStackHook implements ResourceHook {

  private final FakeEmrServerless emr;

  ApplicationStackHook(FakeEmrServerless emr) {
    this.emr = emr;
  }

  @Override
  public void created(ProvisionedResource resource) {
    JsonNode api = apiShape(resource.properties());
    emr.locked(() -> {
      EmrState state = emr.state();
      Application app = new Application(resource.physicalId(), resource.region(), state.timeline.now());
      app.configure(api);
      app.tags = new LinkedHashMap<>(resource.tags());
      app.state("CREATED", state.timeline.now(), null);
      state.applications.put(app.id, app);
      return null;
    });
  }

  @Override
  public String deleted(ProvisionedResource resource, Deletion deletion) {
    return emr.locked(() -> {
      EmrState state = emr.state();
      Application app = state.applications.get(resource.physicalId());
      if (app == null || app.state.equals("TERMINATED")) {
        return null;
      }
      long active = state.runs.values().stream().filter(r -> r.application == app && r.isActive()).count();
      if (active > 0 && deletion != Deletion.FORCE) {
        return "Resource handler returned message: \"Application " + app.id + " has " + active + " job run(s) that "
            + "are not complete; cancel them before deleting the application. (Service: EmrServerless, Status "
            + "Code: 400)\" (HandlerErrorCode: InvalidRequest)";
      }
      state.terminate(app);
      return null;
    });
  }

  /** CloudFormation's PascalCase properties as the API's camelCase request (CreateApplication's body). */
  static JsonNode apiShape(JsonNode properties) {
    JsonNode api = camel(properties);
    if (api instanceof ObjectNode object) {
      object.remove("tags");
      JsonNode capacity = object.get("initialCapacity");
      if (capacity instanceof ArrayNode list) {
        object.set("initialCapacity", keyValueMap(list));
      }
      JsonNode logging = object.path("monitoringConfiguration").path("cloudWatchLoggingConfiguration");
      if (logging instanceof ObjectNode cw && cw.get("logTypeMap") instanceof ArrayNode types) {
        cw.set("logTypes", keyValueMap(types));
        cw.remove("logTypeMap");
      }
    }
    return api;
  }

  private static ObjectNode keyValueMap(ArrayNode list) {
    ObjectNode map = EmrJson.object();
    list.forEach(entry -> map.set(entry.path("key").asText(), entry.path("value").deepCopy()));
    return map;
  }

  private static JsonNode camel(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = EmrJson.object();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        String key = e.getKey().isEmpty() ? e.getKey()
            : Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1);
        out.set(key, camel(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = EmrJson.MAPPER.createArrayNode();
      node.forEach(child -> out.add(camel(child)));
      return out;
    }
    return node.deepCopy();
  }
}
