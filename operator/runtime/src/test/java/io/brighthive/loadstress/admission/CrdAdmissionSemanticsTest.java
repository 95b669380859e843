package io.brighthive.loadstress.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes semantics that the project's CRDs do not use yet, on a small CRD of their own:
 * rules under items and additionalProperties, map-list correlation for transition rules,
 * optionalOldSelf, messageExpression/fieldPath/reason, defaults, int-or-string, date-time,
 * escaped property names, list-type set and root rules.
 */
class CrdAdmissionSemanticsTest {
  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.test.example.com}
      spec:
        group: test.example.com
        names: {kind: Widget, plural: widgets, singular: widget}
        scope: Namespaced
        versions:
        - name: v1
          served: true
          storage: true
          subresources: {status: {}}
          schema:
            openAPIV3Schema:
              type: object
              x-kubernetes-validations:
              - {rule: "self.metadata.name.startsWith('w-')", message: "widget names start with w-"}
              properties:
                spec:
                  type: object
                  x-kubernetes-validations:
                  - {rule: "self.replicas >= 1", message: "replicas is defaulted before rules run"}
                  properties:
                    ports:
                      type: array
                      x-kubernetes-list-type: map
                      x-kubernetes-list-map-keys: [name]
                      items:
                        type: object
                        required: [name, port]
                        x-kubernetes-validations:
                        - {rule: "self.port > 1024 || self.name == 'http'", message: "only http may use a privileged port"}
                        properties:
                          name: {type: string}
                          port:
                            type: integer
                            x-kubernetes-validations:
                            - {rule: "self == oldSelf", message: "a port number is immutable"}
                    tags:
                      type: array
                      x-kubernetes-list-type: set
                      items: {type: string}
                    limits:
                      type: object
                      additionalProperties:
                        type: integer
                        x-kubernetes-validations:
                        - {rule: "self >= 0", message: "limits are not negative"}
                    size:
                      x-kubernetes-int-or-string: true
                      x-kubernetes-validations:
                      - {rule: "type(self) == int ? self > 0 : self.endsWith('%')", message: "size is a count or a percentage"}
                    replicas: {type: integer, default: 1}
                    mode:
                      type: string
                      x-kubernetes-validations:
                      - rule: "!oldSelf.hasValue() || oldSelf.value() == 'draft' || self == oldSelf.value()"
                        optionalOldSelf: true
                        message: "mode changes only from draft"
                    deadline:
                      type: string
                      format: date-time
                      x-kubernetes-validations:
                      - {rule: "self > timestamp('2020-01-01T00:00:00Z')", message: "the deadline is after 2020"}
                    window:
                      type: object
                      properties:
                        start: {type: integer}
                        end: {type: integer}
                      x-kubernetes-validations:
                      - rule: "self.start < self.end"
                        messageExpression: "'start ' + string(self.start) + ' must be before end ' + string(self.end)"
                        fieldPath: ".end"
                        reason: FieldValueForbidden
                    escaped:
                      type: object
                      properties:
                        my-field: {type: string}
                        namespace: {type: string}
                      x-kubernetes-validations:
                      - {rule: "self.my__dash__field == self.__namespace__", message: "escaped names are reachable"}
      """;

  static CrdAdmission admission;

  @BeforeAll
  static void load(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("widgets.yaml"), CRD);
    admission = CrdAdmission.load(dir.resolve("widgets.yaml"));
  }

  @Test
  void aValidWidgetIsAdmitted() {
    assertThat(create("{ports: [{name: http, port: 80}, {name: api, port: 8443}], tags: [a, b], limits: {cpu: 2},"
        + " size: '50%', mode: live, deadline: '2030-01-01T00:00:00Z', window: {start: 1, end: 2},"
        + " escaped: {my-field: x, namespace: x}}").messages()).isEmpty();
  }

  @Test
  void rulesRunOnEveryListItemAndMapValue() {
    assertThat(create("{ports: [{name: http, port: 80}, {name: admin, port: 81}]}").messages()).containsExactly(
        "spec.ports[1]: Invalid value: \"object\": only http may use a privileged port");
    assertThat(create("{limits: {cpu: 2, memory: -1}}").messages()).containsExactly(
        "spec.limits[memory]: Invalid value: \"integer\": limits are not negative");
  }

  @Test
  void transitionRulesFollowMapListKeys() {
    String old = "{ports: [{name: api, port: 8443}]}";
    assertThat(update(old, "{ports: [{name: api, port: 9443}]}").messages()).containsExactly(
        "spec.ports[0].port: Invalid value: \"integer\": a port number is immutable");
    assertThat(update(old, "{ports: [{name: web, port: 9443}, {name: api, port: 8443}]}").allowed()).isTrue();
  }

  @Test
  void optionalOldSelfRulesRunOnCreateToo() {
    assertThat(create("{mode: live}").allowed()).isTrue();
    assertThat(update("{mode: draft}", "{mode: live}").allowed()).isTrue();
    assertThat(update("{mode: live}", "{mode: draft}").messages()).containsExactly(
        "spec.mode: Invalid value: \"string\": mode changes only from draft");
  }

  @Test
  void messageExpressionFieldPathAndReasonShapeTheError() {
    assertThat(create("{window: {start: 5, end: 3}}").messages()).containsExactly(
        "spec.window.end: Forbidden: start 5 must be before end 3");
    assertThat(create("{window: {end: 3}}").messages()).containsExactly(
        "spec.window: Invalid value: \"object\": no such key: start evaluating rule: self.start < self.end");
  }

  @Test
  void valuesTakeTheirKubernetesTypes() {
    assertThat(create("{size: 3}").allowed()).isTrue();
    assertThat(create("{size: '30'}").messages()).containsExactly(
        "spec.size: Invalid value: \"\": size is a count or a percentage");
    assertThat(create("{deadline: '2019-12-31T23:59:59Z'}").messages()).containsExactly(
        "spec.deadline: Invalid value: \"string\": the deadline is after 2020");
    assertThat(create("{escaped: {my-field: a, namespace: b}}").messages()).containsExactly(
        "spec.escaped: Invalid value: \"object\": escaped names are reachable");
  }

  @Test
  void defaultsApplyAndNullsArePrunedBeforeValidation() {
    assertThat(create("{replicas: null}").allowed()).isTrue();
    assertThat(create("{replicas: 0}").messages()).containsExactly(
        "spec: Invalid value: \"object\": replicas is defaulted before rules run");
  }

  @Test
  void setsRefuseDuplicatesAndRootRulesSeeTheName() {
    assertThat(create("{tags: [a, b, a]}").messages()).containsExactly("spec.tags[2]: Duplicate value: \"a\"");
    ObjectNode widget = widget("{}");
    widget.withObjectProperty("metadata").put("name", "gadget");
    assertThat(admission.create(widget).messages()).containsExactly(
        "<nil>: Invalid value: \"object\": widget names start with w-");
  }

  @Test
  void unknownFieldsInsideListItemsAreReportedWithTheirIndex() {
    assertThat(create("{ports: [{name: http, port: 80, protocol: TCP}]}").messages()).containsExactly(
        "unknown field \"spec.ports[0].protocol\"");
  }

  @Test
  void aTransitionRuleInsideAnAtomicListIsRefusedLikeTheApiServerWould(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("atomic.yaml"), CRD.replace("x-kubernetes-list-type: map", "x-kubernetes-list-type: atomic"));
    assertThatThrownBy(() -> CrdAdmission.load(dir.resolve("atomic.yaml"))).hasMessageContaining("uncorrelatable");
  }

  private static Decision create(String spec) {
    return admission.create(widget(spec));
  }

  private static Decision update(String oldSpec, String newSpec) {
    return admission.update(widget(oldSpec), widget(newSpec));
  }

  private static ObjectNode widget(String spec) {
    List<ObjectNode> documents = Manifests.parse(
        "apiVersion: test.example.com/v1\nkind: Widget\nmetadata: {name: w-1}\nspec: " + spec + "\n");
    return documents.get(0);
  }
}
