package io.brighthive.loadstress.api;

import io.brighthive.loadstress.api.scenario.ScenarioRunSpec;
import io.brighthive.loadstress.api.scenario.ScenarioRunStatus;
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

/** One run of a stress scenario (S01 to S16) against a LoadstressEnvironment in the same namespace. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("ScenarioRun")
@Plural("scenarioruns")
@Singular("scenariorun")
@ShortNames("sr")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Scenario", jsonPath = ".spec.scenario", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Environment",
    jsonPath = ".spec.environmentRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Verdict",
    jsonPath = ".status.result.verdict",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "p95(ms)",
    jsonPath = ".status.result.latencyMs.p95",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Duration", jsonPath = ".status.duration", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ScenarioRun extends CustomResource<ScenarioRunSpec, ScenarioRunStatus> implements Namespaced {
  @Override
  @io.fabric8.generator.annotation.Required
  public ScenarioRunSpec getSpec() {
    return super.getSpec();
  }
}
