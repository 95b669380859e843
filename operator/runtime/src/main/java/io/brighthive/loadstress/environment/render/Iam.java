package io.brighthive.loadstress.environment.render;

import java.util.List;

/** IAM policy documents and roles with inline policies. */
final class Iam {
  static final String VERSION = "2012-10-17";

  private Iam() {}

  static Props document(Props... statements) {
    return Props.of().put("Version", VERSION).put("Statement", List.of(statements));
  }

  static Props allow(String sid, List<String> actions, Object... resources) {
    return Props.of().put("Sid", sid).put("Effect", "Allow").put("Action", actions).put("Resource", List.of(resources));
  }

  /** A trust policy that lets one AWS service assume the role. */
  static Props trust(String service) {
    return document(Props.of()
        .put("Effect", "Allow")
        .put("Principal", Props.of().put("Service", service))
        .put("Action", "sts:AssumeRole"));
  }

  /** An IAM role with one inline policy, tagged, named from {@code roleName}. */
  static void role(TemplateBuilder template, RenderContext ctx, String logicalId, String roleName,
      Props trustPolicy, String description, Props policy) {
    template.resource(logicalId, "AWS::IAM::Role")
        .put("RoleName", roleName)
        .put("Description", description)
        .put("AssumeRolePolicyDocument", trustPolicy)
        .put("Policies", List.of(Props.of().put("PolicyName", logicalId + "Policy").put("PolicyDocument", policy)))
        .put("Tags", ctx.tags());
  }
}
