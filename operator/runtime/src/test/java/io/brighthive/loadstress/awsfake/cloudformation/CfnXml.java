package io.brighthive.loadstress.awsfake.cloudformation;

import io.brighthive.loadstress.awsfake.XmlWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The XML shapes of CloudFormation's responses (member names as in the API reference). */
final class CfnXml {

  private CfnXml() {
  }

  static void stack(XmlWriter w, Stack s) {
    Deployment d = s.deployment;
    w.leaf("StackId", s.id)
        .leaf("StackName", s.name)
        .leaf("ChangeSetId", s.changeSetId)
        .leaf("Description", d == null ? null : d.template().description());
    if (d != null) {
      parameters(w, d);
    }
    w.leaf("CreationTime", s.created)
        .leaf("DeletionTime", s.deleted)
        .leaf("LastUpdatedTime", s.lastUpdated)
        .start("RollbackConfiguration").end()
        .leaf("StackStatus", s.status)
        .leaf("StackStatusReason", s.reason)
        .leaf("DisableRollback", "DO_NOTHING".equals(s.onFailure))
        .stringMembers("NotificationARNs", s.notificationArns);
    if (d != null && !d.capabilities().isEmpty()) {
      w.stringMembers("Capabilities", d.capabilities());
    }
    if (!s.outputs.isEmpty()) {
      w.members("Outputs", s.outputs.values(), (x, o) -> x.leaf("OutputKey", o.key()).leaf("OutputValue", o.value())
          .leaf("Description", o.description()).leaf("ExportName", o.exportName()));
    }
    w.leaf("RoleARN", s.roleArn)
        .leaf("TimeoutInMinutes", s.timeoutInMinutes);
    tags(w, d == null ? Map.of() : d.tags());
    w.leaf("EnableTerminationProtection", s.terminationProtection)
        .start("DriftInformation").leaf("StackDriftStatus", s.driftStatus)
        .leaf("LastCheckTimestamp", s.driftChecked).end();
  }

  static void stackSummary(XmlWriter w, Stack s) {
    w.leaf("StackId", s.id)
        .leaf("StackName", s.name)
        .leaf("TemplateDescription", s.deployment == null ? null : s.deployment.template().description())
        .leaf("CreationTime", s.created)
        .leaf("LastUpdatedTime", s.lastUpdated)
        .leaf("DeletionTime", s.deleted)
        .leaf("StackStatus", s.status)
        .leaf("StackStatusReason", s.reason)
        .start("DriftInformation").leaf("StackDriftStatus", s.driftStatus)
        .leaf("LastCheckTimestamp", s.driftChecked).end();
  }

  static void parameters(XmlWriter w, Deployment d) {
    w.members("Parameters", d.parameters().entrySet().stream().toList(), (x, p) -> x
        .leaf("ParameterKey", p.getKey())
        .leaf("ParameterValue", noEcho(d, p.getKey()) ? "****" : p.getValue()));
  }

  static void tags(XmlWriter w, Map<String, String> tags) {
    w.members("Tags", tags.entrySet().stream().toList(), (x, t) -> x.leaf("Key", t.getKey()).leaf("Value", t.getValue()));
  }

  /** Newest first, as DescribeStackEvents lists them. */
  static void events(XmlWriter w, Stack s) {
    List<StackEvent> events = new ArrayList<>(s.events);
    Collections.reverse(events);
    w.members("StackEvents", events, (x, e) -> x
        .leaf("StackId", s.id)
        .leaf("EventId", e.eventId())
        .leaf("StackName", s.name)
        .leaf("LogicalResourceId", e.logicalId())
        .leaf("PhysicalResourceId", e.physicalId())
        .leaf("ResourceType", e.resourceType())
        .leaf("Timestamp", e.timestamp())
        .leaf("ResourceStatus", e.status())
        .leaf("ResourceStatusReason", e.reason())
        .leaf("ClientRequestToken", e.clientRequestToken()));
  }

  static void resource(XmlWriter w, Stack s, StackResource r) {
    w.leaf("StackName", s.name)
        .leaf("StackId", s.id)
        .leaf("LogicalResourceId", r.logicalId)
        .leaf("PhysicalResourceId", r.physicalId)
        .leaf("ResourceType", r.type)
        .leaf("Timestamp", r.timestamp)
        .leaf("ResourceStatus", r.status)
        .leaf("ResourceStatusReason", r.reason)
        .start("DriftInformation").leaf("StackResourceDriftStatus", r.driftStatus).end();
  }

  static void resourceDetail(XmlWriter w, Stack s, StackResource r) {
    w.leaf("StackName", s.name)
        .leaf("StackId", s.id)
        .leaf("LogicalResourceId", r.logicalId)
        .leaf("PhysicalResourceId", r.physicalId)
        .leaf("ResourceType", r.type)
        .leaf("LastUpdatedTimestamp", r.timestamp)
        .leaf("ResourceStatus", r.status)
        .leaf("ResourceStatusReason", r.reason)
        .start("DriftInformation").leaf("StackResourceDriftStatus", r.driftStatus).end();
  }

  static void resourceSummary(XmlWriter w, StackResource r) {
    w.leaf("LogicalResourceId", r.logicalId)
        .leaf("PhysicalResourceId", r.physicalId)
        .leaf("ResourceType", r.type)
        .leaf("LastUpdatedTimestamp", r.timestamp)
        .leaf("ResourceStatus", r.status)
        .leaf("ResourceStatusReason", r.reason)
        .start("DriftInformation").leaf("StackResourceDriftStatus", r.driftStatus).end();
  }

  static void changeSet(XmlWriter w, ChangeSet c) {
    w.leaf("ChangeSetName", c.name)
        .leaf("ChangeSetId", c.id)
        .leaf("StackId", c.stack.id)
        .leaf("StackName", c.stack.name)
        .leaf("Description", c.description);
    parameters(w, c.deployment);
    w.leaf("CreationTime", c.created)
        .leaf("ExecutionStatus", c.executionStatus)
        .leaf("Status", c.status)
        .leaf("StatusReason", c.statusReason)
        .stringMembers("NotificationARNs", List.of())
        .start("RollbackConfiguration").end();
    if (!c.deployment.capabilities().isEmpty()) {
      w.stringMembers("Capabilities", c.deployment.capabilities());
    }
    tags(w, c.deployment.tags());
    boolean visible = c.status.equals("CREATE_COMPLETE");
    w.members("Changes", visible ? c.changes : List.<ResourceChange>of(), (x, ch) -> x
        .leaf("Type", "Resource")
        .start("ResourceChange")
        .leaf("Action", ch.action())
        .leaf("LogicalResourceId", ch.logicalId())
        .leaf("PhysicalResourceId", ch.physicalId())
        .leaf("ResourceType", ch.resourceType())
        .leaf("Replacement", ch.action().equals("Modify") ? "Conditional" : null)
        .end());
    w.leaf("IncludeNestedStacks", false);
  }

  static void changeSetSummary(XmlWriter w, ChangeSet c) {
    w.leaf("StackId", c.stack.id)
        .leaf("StackName", c.stack.name)
        .leaf("ChangeSetId", c.id)
        .leaf("ChangeSetName", c.name)
        .leaf("ExecutionStatus", c.executionStatus)
        .leaf("Status", c.status)
        .leaf("StatusReason", c.statusReason)
        .leaf("CreationTime", c.created)
        .leaf("Description", c.description);
  }

  private static boolean noEcho(Deployment d, String key) {
    return d.template().section("Parameters").path(key).path("NoEcho").asBoolean(false)
        || "true".equalsIgnoreCase(d.template().section("Parameters").path(key).path("NoEcho").asText());
  }
}
