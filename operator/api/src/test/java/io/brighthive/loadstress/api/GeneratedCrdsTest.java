package io.brighthive.loadstress.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class GeneratedCrdsTest {
  static final java.util.List<Class<? extends CustomResource<?, ?>>> KINDS = CrdFiles.KINDS;

  @ParameterizedTest
  @FieldSource("KINDS")
  void committedCrdMatchesTheModel(Class<? extends CustomResource<?, ?>> kind) throws Exception {
    String expected = CrdFiles.render(kind);
    Path committed = CrdFiles.COMMITTED_DIR.resolve(CrdFiles.fileName(kind));
    if (Boolean.getBoolean("crds.update")) {
      Files.createDirectories(CrdFiles.COMMITTED_DIR);
      Files.writeString(committed, expected);
    }
    assertThat(committed).as("crds/%s exists", CrdFiles.fileName(kind)).exists();
    assertThat(Files.readString(committed))
        .as("crds/%s is stale: run `mvn -pl operator/api test -Dcrds.update=true` and commit it", CrdFiles.fileName(kind))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @FieldSource("KINDS")
  void crdHasStatusSubresourceCategoryAndDeclaredColumnOrder(Class<? extends CustomResource<?, ?>> kind) throws Exception {
    CustomResourceDefinition crd = Serialization.unmarshal(CrdFiles.render(kind), CustomResourceDefinition.class);
    var version = crd.getSpec().getVersions().get(0);
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("loadstress");
    assertThat(crd.getSpec().getNames().getShortNames()).hasSize(1);
    var columns = version.getAdditionalPrinterColumns().stream().map(CustomResourceColumnDefinition::getName).toList();
    if (kind == ScenarioRun.class) {
      assertThat(columns).containsExactly("Scenario", "Environment", "Phase", "Verdict", "p95(ms)", "Duration", "Age");
    } else {
      assertThat(columns).containsExactly("Mode", "Provider", "Phase", "Ready", "Records", "Cost/day", "Age");
    }
  }
}
