package io.brighthive.loadstress.awsfake.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The read-only CloudFormation actions. Called under the registry's lock. */
final class StackQueries {

  private final StackRegistry registry;
  private final Function<String, String> templateUrls;

  StackQueries(StackRegistry registry, Function<String, String> templateUrls) {
    this.registry = registry;
    this.templateUrls = templateUrls;
  }

  /** All live stacks without StackName; a deleted stack only by its id. */
  void describeStacks(QueryParams p, XmlWriter out, FakeRequest request) {
    String nameOrId = p.get("StackName");
    List<Stack> stacks = nameOrId == null || nameOrId.isEmpty() ? registry.live() : List.of(registry.require(nameOrId));
    out.members("Stacks", stacks, CfnXml::stack);
  }

  void describeStackEvents(QueryParams p, XmlWriter out, FakeRequest request) {
    String nameOrId = p.required("StackName");
    Stack stack = registry.find(nameOrId)
        .orElseThrow(() -> AwsError.validation("Stack [" + nameOrId + "] does not exist"));
    CfnXml.events(out, stack);
  }

  void describeStackResources(QueryParams p, XmlWriter out, FakeRequest request) {
    String nameOrId = p.get("StackName");
    String physicalId = p.get("PhysicalResourceId");
    String logicalId = p.get("LogicalResourceId");
    Stack stack;
    if (nameOrId != null) {
      stack = registry.require(nameOrId);
    } else if (physicalId != null) {
      stack = registry.all().stream()
          .filter(s -> s.resources.values().stream().anyMatch(r -> physicalId.equals(r.physicalId))).findFirst()
          .orElseThrow(() -> AwsError.validation("Stack for " + physicalId + " does not exist"));
    } else {
      throw AwsError.validation("Either StackName or PhysicalResourceId must be specified.");
    }
    List<StackResource> resources = stack.resources.values().stream()
        .filter(r -> logicalId == null || logicalId.equals(r.logicalId))
        .filter(r -> physicalId == null || physicalId.equals(r.physicalId)).toList();
    out.members("StackResources", resources, (w, r) -> CfnXml.resource(w, stack, r));
  }

  void describeStackResource(QueryParams p, XmlWriter out, FakeRequest request) {
    Stack stack = registry.require(p.required("StackName"));
    String logicalId = p.required("LogicalResourceId");
    StackResource resource = Optional.ofNullable(stack.resources.get(logicalId))
        .orElseThrow(() -> AwsError.validation("Resource " + logicalId + " does not exist for stack " + stack.name));
    out.start("StackResourceDetail");
    CfnXml.resourceDetail(out, stack, resource);
    out.end();
  }

  void listStackResources(QueryParams p, XmlWriter out, FakeRequest request) {
    Stack stack = registry.require(p.required("StackName"));
    out.members("StackResourceSummaries", stack.resources.values(), CfnXml::resourceSummary);
  }

  /** The original body; of a change set when ChangeSetName is given. */
  void getTemplate(QueryParams p, XmlWriter out, FakeRequest request) {
    String changeSetName = p.get("ChangeSetName");
    Deployment deployment;
    if (changeSetName != null && !changeSetName.isEmpty()) {
      deployment = registry.requireChangeSet(changeSetName, p.get("StackName")).deployment;
    } else {
      deployment = registry.require(p.required("StackName")).deployment;
    }
    out.leaf("TemplateBody", deployment == null ? null : deployment.template().body())
        .stringMembers("StagesAvailable", List.of("Original", "Processed"));
  }

  void listStacks(QueryParams p, XmlWriter out, FakeRequest request) {
    List<String> filter = p.list("StackStatusFilter").orElse(List.of());
    List<Stack> stacks = registry.all().stream().filter(s -> filter.isEmpty() || filter.contains(s.status)).toList();
    out.members("StackSummaries", stacks, CfnXml::stackSummary);
  }

  void listExports(QueryParams p, XmlWriter out, FakeRequest request) {
    List<String[]> exports = new ArrayList<>();
    for (Stack stack : registry.live()) {
      stack.exports().forEach((name, value) -> exports.add(new String[] {stack.id, name, value}));
    }
    out.members("Exports", exports, (w, e) -> w.leaf("ExportingStackId", e[0]).leaf("Name", e[1]).leaf("Value", e[2]));
  }

  void listImports(QueryParams p, XmlWriter out, FakeRequest request) {
    String exportName = p.required("ExportName");
    List<String> importers = registry.importers(exportName, null);
    if (importers.isEmpty()) {
      throw AwsError.validation("Export '" + exportName + "' is not imported by any stack.");
    }
    out.stringMembers("Imports", importers);
  }

  void validateTemplate(QueryParams p, XmlWriter out, FakeRequest request) {
    Template template = StackInput.template(p, null, templateUrls);
    List<Map.Entry<String, JsonNode>> parameters = new ArrayList<>();
    template.section("Parameters").fields().forEachRemaining(parameters::add);
    out.members("Parameters", parameters, (w, e) -> w.leaf("ParameterKey", e.getKey())
        .leaf("DefaultValue", e.getValue().has("Default") ? e.getValue().get("Default").asText() : null)
        .leaf("NoEcho", e.getValue().path("NoEcho").asText("false").equalsIgnoreCase("true"))
        .leaf("Description", e.getValue().has("Description") ? e.getValue().get("Description").asText() : null));
    out.leaf("Description", template.description());
    if (!template.requiredCapabilities().isEmpty()) {
      out.stringMembers("Capabilities", List.copyOf(template.requiredCapabilities()))
          .leaf("CapabilitiesReason", "The following resource(s) require capabilities: "
              + template.iamResourceTypes());
    }
  }
}
