package io.brighthive.loadstress.api;

import io.brighthive.loadstress.api.environment.MonitoringSpec;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the CRDs that fabric8's crd-generator wrote at build time into the files committed under
 * crds/. Two things the generator cannot express are added here: printer columns in the order the
 * kind declares them (the generator sorts them by JSON path), and a pattern on the items of
 * monitoring.alarmEmails (its annotations do not reach list items).
 */
public final class CrdFiles {
  public static final Path GENERATED_DIR = Path.of("target/classes/META-INF/fabric8");
  public static final Path COMMITTED_DIR = Path.of("../../crds");
  public static final List<Class<? extends CustomResource<?, ?>>> KINDS =
      List.of(LoadstressEnvironment.class, ScenarioRun.class);

  private static final String HEADER =
      "# Generated from the classes in operator/api by fabric8's crd-generator; do not edit.\n"
          + "# Refresh with: mvn -pl operator/api test -Dcrds.update=true\n";

  private CrdFiles() {}

  public static String fileName(Class<? extends CustomResource<?, ?>> kind) {
    return CustomResource.getCRDName(kind) + ".yaml";
  }

  /** The committed form of one kind's CRD, from the generator's output. */
  public static String render(Class<? extends CustomResource<?, ?>> kind) throws IOException {
    Path generated = GENERATED_DIR.resolve(CustomResource.getCRDName(kind) + "-v1.yml");
    CustomResourceDefinition crd = Serialization.unmarshal(Files.readString(generated), CustomResourceDefinition.class);
    var version = crd.getSpec().getVersions().get(0);
    List<String> declared =
        Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class)).map(AdditionalPrinterColumn::name).toList();
    version.getAdditionalPrinterColumns()
        .sort(Comparator.comparingInt((CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
    if (kind == LoadstressEnvironment.class) {
      JSONSchemaProps emails = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec")
          .getProperties().get("monitoring").getProperties().get("alarmEmails");
      emails.getItems().getSchema().setPattern(MonitoringSpec.EMAIL_PATTERN);
      emails.getItems().getSchema().setMaxLength(254L);
    }
    return HEADER + Serialization.asYaml(crd);
  }
}
