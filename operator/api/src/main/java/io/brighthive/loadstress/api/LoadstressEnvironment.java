package io.brighthive.loadstress.api;

import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An isolated load/stress test environment: a VPC, an S3 data lake, a Redshift cluster, an EMR
 * Serverless application and CloudWatch monitoring (provider aws), or their local stand-ins
 * (provider local), filled with generated warehouse data.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("LoadstressEnvironment")
@Plural("loadstressenvironments")
@Singular("loadstressenvironment")
@ShortNames("lse")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Provider", jsonPath = ".spec.provider", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Records",
    jsonPath = ".status.dataGeneration.records",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Cost/day",
    jsonPath = ".status.cost.dailyUsd",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class LoadstressEnvironment
    extends CustomResource<LoadstressEnvironmentSpec, LoadstressEnvironmentStatus>
    implements Namespaced {
  @Override
  @io.fabric8.generator.annotation.Required
  public LoadstressEnvironmentSpec getSpec() {
    return super.getSpec();
  }
}
