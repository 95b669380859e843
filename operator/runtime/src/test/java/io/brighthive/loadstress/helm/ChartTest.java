package io.brighthive.loadstress.helm;

import static io.brighthive.loadstress.helm.HelmChart.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.brighthive.loadstress.helm.HelmChart.Rendered;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** helm lint and helm template for the defaults and for every documented option. */
class ChartTest {
  static Stream<String> overlays() {
    return Stream.of(null, "watch-namespaces.yaml", "replicas.yaml", "leader-election.yaml", "irsa.yaml",
        "monitoring.yaml", "json-logging.yaml", "polling.yaml", "existing-service-account.yaml", "local-jobs.yaml",
        "run-limit.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void lintsCleanly(String overlay) {
    LintResult lint = HelmChart.lint(overlay);
    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void rendersAHardenedDeployment(String overlay) {
    Rendered rendered = HelmChart.template(overlay);
    Map<String, Object> deployment = rendered.one("Deployment");
    Map<String, Object> pod = at(deployment, "spec.template.spec");
    Map<String, Object> container = at(pod, "containers.0");

    assertThat((Object) at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
    assertThat((Object) at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
    assertThat((Object) at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    assertThat((Object) at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
    assertThat((List<Object>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
    assertThat((Object) at(container, "livenessProbe.httpGet.path")).isEqualTo("/healthz");
    assertThat((Object) at(container, "readinessProbe.httpGet.path")).isEqualTo("/readyz");
    assertThat((Object) at(container, "resources.requests.memory")).isNotNull();
    assertThat((Object) at(container, "resources.limits.memory")).isNotNull();
    assertThat((List<Object>) at(container, "args")).containsExactly("run");
    assertThat(mounts(container)).containsEntry("tmp", "/tmp");
    assertThat((Object) at(pod, "serviceAccountName")).isEqualTo(
        overlay != null && overlay.startsWith("existing") ? "platform-operators" : "ls-loadstress-operator");
    assertThat(rendered.text()).doesNotContain("CHANGE_ME").doesNotContain("<no value>");
  }

  @Test
  void defaultsWatchEveryNamespaceWithOneReplicaAndNoLeaderElection() {
    Rendered rendered = HelmChart.template(null);
    Map<String, Object> deployment = rendered.one("Deployment");
    Map<String, String> env = env(at(deployment, "spec.template.spec.containers.0"));
    assertThat(env).containsEntry("LOADSTRESS_WATCH_NAMESPACES", "")
        .containsEntry("LOADSTRESS_LEADER_ELECTION", "false")
        .containsEntry("LOADSTRESS_POLL_IN_PROGRESS", "10s")
        .containsEntry("LOADSTRESS_POLL_SETTLED", "5m")
        .containsEntry("LOADSTRESS_METRICS_PORT", "8080")
        .containsEntry("LOADSTRESS_LOG_FORMAT", "text")
        .containsEntry("AWS_REGION", "us-west-2")
        .containsEntry("LOADSTRESS_WORK_DIR", "/var/lib/loadstress")
        .containsEntry("LOADSTRESS_LOCAL_JOB_HEAP", "3g")
        .containsEntry("LOADSTRESS_LOCAL_JOB_CORES", "0")
        .containsEntry("LOADSTRESS_LOCAL_MAX_JOBS", "2")
        .containsEntry("LOADSTRESS_MAX_RUNS_PER_ENVIRONMENT", "2")
        .doesNotContainKey("LOADSTRESS_AWS_ENDPOINT");
    assertThat((Object) at(deployment, "spec.strategy.type")).isEqualTo("Recreate");
    assertThat(rendered.kinds()).contains("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Service", "Deployment")
        .doesNotContain("ServiceMonitor", "PrometheusRule", "ConfigMap", "Role");
    assertThat((Map<String, Object>) at(rendered.one("ServiceAccount"), "metadata")).doesNotContainKey("annotations");
    Map<String, Object> service = rendered.one("Service");
    assertThat((Object) at(service, "spec.ports.0.targetPort")).isEqualTo("http-metrics");
    assertThat((Object) at(deployment, "spec.template.spec.containers.0.ports.0.name")).isEqualTo("http-metrics");
  }

  @Test
  void moreThanOneReplicaTurnsLeaderElectionOnWithALeaseRoleInTheReleaseNamespace() {
    Rendered rendered = HelmChart.template("replicas.yaml");
    Map<String, Object> deployment = rendered.one("Deployment");
    Map<String, String> env = env(at(deployment, "spec.template.spec.containers.0"));
    assertThat(env).containsEntry("LOADSTRESS_LEADER_ELECTION", "true").containsEntry("LOADSTRESS_LEASE_NAME", "ls-loadstress-operator");
    assertThat((Object) at(deployment, "spec.replicas")).isEqualTo(2);
    assertThat((Object) at(deployment, "spec.strategy.type")).isEqualTo("RollingUpdate");
    Map<String, Object> role = rendered.one("Role");
    assertThat((Object) at(role, "metadata.namespace")).isEqualTo(HelmChart.NAMESPACE);
    assertThat(rendered.text()).contains("fieldPath: metadata.namespace");
  }

  @Test
  void leaderElectionCanBeForcedWithOneReplicaAndTheLeaseNamed() {
    Rendered rendered = HelmChart.template("leader-election.yaml");
    Map<String, String> env = env(at(rendered.one("Deployment"), "spec.template.spec.containers.0"));
    assertThat(env).containsEntry("LOADSTRESS_LEADER_ELECTION", "true").containsEntry("LOADSTRESS_LEASE_NAME", "loadstress-leader");
    assertThat((List<Object>) at(rendered.one("Role"), "rules.1.resourceNames")).containsExactly("loadstress-leader");
  }

  @Test
  void watchedNamespacesGetOneRoleEachAndNoClusterRole() {
    Rendered rendered = HelmChart.template("watch-namespaces.yaml");
    assertThat(env(at(rendered.one("Deployment"), "spec.template.spec.containers.0")))
        .containsEntry("LOADSTRESS_WATCH_NAMESPACES", "team-a,team-b");
    assertThat(rendered.ofKind("Role")).extracting(r -> at(r, "metadata.namespace")).containsExactly("team-a", "team-b");
    assertThat(rendered.ofKind("RoleBinding")).extracting(r -> at(r, "metadata.namespace")).containsExactly("team-a", "team-b");
    assertThat(rendered.kinds()).doesNotContain("ClusterRole", "ClusterRoleBinding");
  }

  @Test
  void irsaAnnotatesTheServiceAccountWithTheRole() {
    Rendered rendered = HelmChart.template("irsa.yaml");
    assertThat((Object) at(rendered.one("ServiceAccount"), "metadata.annotations"))
        .isEqualTo(Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/loadstress-operator"));
    assertThat(env(at(rendered.one("Deployment"), "spec.template.spec.containers.0")))
        .containsEntry("AWS_REGION", "eu-west-1").containsEntry("AWS_STS_REGIONAL_ENDPOINTS", "regional");
  }

  @Test
  void pollingAndTheAwsEndpointReachTheOperator() {
    Map<String, String> env = env(at(HelmChart.template("polling.yaml").one("Deployment"), "spec.template.spec.containers.0"));
    assertThat(env).containsEntry("LOADSTRESS_POLL_IN_PROGRESS", "15s").containsEntry("LOADSTRESS_POLL_SETTLED", "10m")
        .containsEntry("LOADSTRESS_AWS_ENDPOINT", "http://localstack.test:4566");
  }

  @Test
  void localJobLimitsReachTheOperator() {
    Map<String, Object> container = at(HelmChart.template("local-jobs.yaml").one("Deployment"), "spec.template.spec.containers.0");
    assertThat(env(container)).containsEntry("LOADSTRESS_LOCAL_JOB_HEAP", "6g").containsEntry("LOADSTRESS_LOCAL_JOB_CORES", "4")
        .containsEntry("LOADSTRESS_LOCAL_MAX_JOBS", "1");
    assertThat((Object) at(container, "resources.limits.memory")).isEqualTo("8Gi");
    assertThatThrownBy(() -> HelmChart.template("bad-local-heap.yaml")).hasMessageContaining("heap");
  }

  @Test
  void theRunLimitPerEnvironmentReachesTheOperatorAndMustBePositive() {
    Map<String, Object> container = at(HelmChart.template("run-limit.yaml").one("Deployment"), "spec.template.spec.containers.0");
    assertThat(env(container)).containsEntry("LOADSTRESS_MAX_RUNS_PER_ENVIRONMENT", "5");
    assertThatThrownBy(() -> HelmChart.template("bad-run-limit.yaml")).hasMessageContaining("maxPerEnvironment");
  }

  @Test
  void monitoringRendersServiceMonitorRulesAndDashboardOnTheMetricsPort() {
    Rendered rendered = HelmChart.template("monitoring.yaml");
    Map<String, Object> monitor = rendered.one("ServiceMonitor");
    assertThat((Object) at(monitor, "apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    assertThat((Object) at(monitor, "metadata.labels.release")).isEqualTo("kube-prometheus-stack");
    assertThat((Object) at(monitor, "spec.endpoints.0.port")).isEqualTo("http-metrics");
    assertThat((Object) at(monitor, "spec.selector.matchLabels"))
        .isEqualTo(at(rendered.one("Service"), "spec.selector"));
    assertThat((Object) at(rendered.one("Deployment"), "spec.template.spec.containers.0.ports.0.containerPort")).isEqualTo(9095);

    List<Map<String, Object>> rules = at(rendered.one("PrometheusRule"), "spec.groups.0.rules");
    assertThat(rules).extracting(r -> r.get("alert")).contains(
        "LoadstressScenarioRunFailed", "LoadstressScenarioSloFailed", "LoadstressEnvironmentStuck", "LoadstressEnvironmentFailed");

    Map<String, Object> dashboard = rendered.one("ConfigMap");
    assertThat((Object) at(dashboard, "metadata.namespace")).isEqualTo("monitoring");
    assertThat((Object) at(dashboard, "metadata.labels.grafana_dashboard")).isEqualTo("1");
    Map<String, Object> data = at(dashboard, "data");
    assertThat((String) data.get("loadstress-operator.json")).contains("\"uid\": \"loadstress-operator\"");
  }

  @Test
  void existingServiceAccountWithoutRbacRendersNeither() {
    Rendered rendered = HelmChart.template("existing-service-account.yaml");
    assertThat(rendered.kinds()).doesNotContain("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
  }

  @Test
  void theSchemaRejectsAnUnknownLogFormat() {
    assertThatThrownBy(() -> HelmChart.template("bad-value.yaml")).hasMessageContaining("format");
    LintResult lint = HelmChart.lint("bad-value.yaml");
    assertThat(lint.isFailed()).isTrue();
    assertThat(String.join("\n", lint.getMessages())).contains("format");
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> env(Map<String, Object> container) {
    return ((List<Map<String, Object>>) container.get("env")).stream()
        .filter(e -> e.containsKey("value"))
        .collect(Collectors.toMap(e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> mounts(Map<String, Object> container) {
    return ((List<Map<String, Object>>) container.get("volumeMounts")).stream()
        .collect(Collectors.toMap(m -> (String) m.get("name"), m -> (String) m.get("mountPath")));
  }
}
