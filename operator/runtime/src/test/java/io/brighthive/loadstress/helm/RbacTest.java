package io.brighthive.loadstress.helm;

import static io.brighthive.loadstress.helm.HelmChart.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.helm.HelmChart.Rendered;
import io.brighthive.loadstress.helm.KubernetesAccess.Call;
import io.brighthive.loadstress.helm.KubernetesAccess.CallSite;
import io.brighthive.loadstress.helm.KubernetesAccess.Permission;
import io.brighthive.loadstress.helm.KubernetesAccess.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart's RBAC covers every Kubernetes call the operator makes, in the namespaces where it
 * makes it, grants nothing else and uses no wildcard. The calls come from KubernetesAccess, which
 * is itself checked against the main sources.
 */
class RbacTest {
  @Test
  void everyKubernetesCallInTheCodeIsListedInKubernetesAccess() {
    List<String> unlisted = new ArrayList<>();
    for (Call call : KubernetesAccess.callsInCode()) {
      boolean listed = KubernetesAccess.CALL_SITES.stream().filter(s -> !s.planned())
          .anyMatch(s -> call.file().getFileName().toString().equals(s.file()) && s.line().matcher(call.line()).find());
      if (!listed) {
        unlisted.add(call.toString());
      }
    }
    assertThat(unlisted)
        .as("Kubernetes calls that KubernetesAccess.CALL_SITES does not list: add each with the permission it needs,"
            + " and grant that permission in helm/loadstress-operator/templates/_helpers.tpl")
        .isEmpty();
  }

  @Test
  void everyListedCallSiteIsStillInTheCode() {
    List<Call> calls = KubernetesAccess.callsInCode();
    for (CallSite site : KubernetesAccess.CALL_SITES) {
      if (site.planned()) {
        continue;
      }
      assertThat(calls).as("listed call site %s /%s/ is gone from the code: remove it", site.file(), site.line())
          .anyMatch(c -> c.file().getFileName().toString().equals(site.file()) && site.line().matcher(c.line()).find());
    }
    assertThat(KubernetesAccess.reconciledKinds()).contains("LoadstressEnvironment");
  }

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of(null, List.of(), false),
        Arguments.of("watch-namespaces.yaml", List.of("team-a", "team-b"), false),
        Arguments.of("replicas.yaml", List.of(), true),
        Arguments.of("leader-election.yaml", List.of(), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void theChartGrantsExactlyWhatTheOperatorUses(String overlay, List<String> watched, boolean leaderElection) {
    Rendered rendered = HelmChart.template(overlay);
    Set<String> granted = granted(rendered);
    Set<String> required = new TreeSet<>();
    Set<String> allowed = new TreeSet<>();
    for (Permission p : needs(leaderElection, false)) {
      required.addAll(locations(p, watched));
    }
    for (Permission p : needs(leaderElection, true)) {
      allowed.addAll(locations(p, watched));
    }

    assertThat(granted).as("the chart must grant every permission the operator uses").containsAll(required);
    assertThat(granted).as("the chart may grant only what the operator uses (or is about to)").isSubsetOf(allowed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void noWildcardAndEveryRoleIsBoundToTheOperatorsServiceAccount(String overlay, List<String> watched, boolean leaderElection) {
    Rendered rendered = HelmChart.template(overlay);
    assertThat(rendered.text()).doesNotContainPattern("(apiGroups|resources|verbs|resourceNames):.*\"\\*\"");
    for (Map<String, Object> role : roles(rendered)) {
      for (Map<String, Object> rule : rules(role)) {
        for (String field : List.of("apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs")) {
          List<Object> values = at(rule, field);
          assertThat(values == null ? List.of() : values).as("%s of %s", field, name(role)).doesNotContain("*");
        }
      }
      String bindingKind = role.get("kind").equals("ClusterRole") ? "ClusterRoleBinding" : "RoleBinding";
      assertThat(rendered.ofKind(bindingKind))
          .as("a %s for %s", bindingKind, name(role))
          .anyMatch(b -> name(role).equals(at(b, "roleRef.name"))
              && java.util.Objects.equals(at(b, "metadata.namespace"), at(role, "metadata.namespace"))
              && "ls-loadstress-operator".equals(at(b, "subjects.0.name"))
              && HelmChart.NAMESPACE.equals(at(b, "subjects.0.namespace")));
    }
    if (!watched.isEmpty()) {
      assertThat(rendered.kinds()).doesNotContain("ClusterRole", "ClusterRoleBinding");
    }
  }

  /** What the operator needs; with {@code planned}, also what it is about to need. */
  private static List<Permission> needs(boolean leaderElection, boolean planned) {
    List<Permission> needs = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>(KubernetesAccess.reconciledKinds());
    if (planned) {
      kinds.addAll(KubernetesAccess.PLANNED_RECONCILERS);
    }
    kinds.forEach(kind -> needs.addAll(KubernetesAccess.reconcilerNeeds(KubernetesAccess.plural(kind))));
    KubernetesAccess.CALL_SITES.stream().filter(s -> planned || !s.planned()).forEach(s -> needs.addAll(s.permissions()));
    if (leaderElection) {
      needs.addAll(KubernetesAccess.LEADER_ELECTION);
    }
    return needs;
  }

  /** "where|group|resource|verb" for each place a permission must hold. */
  private static List<String> locations(Permission p, List<String> watched) {
    return switch (p.scope()) {
      case DEFAULT -> List.of();
      case RELEASE -> List.of(key("ns:" + HelmChart.NAMESPACE, p));
      case WATCHED -> watched.isEmpty() ? List.of(key("cluster", p)) : watched.stream().map(ns -> key("ns:" + ns, p)).toList();
    };
  }

  private static String key(String where, Permission p) {
    return where + "|" + p.apiGroup() + "|" + p.resource() + "|" + p.verb();
  }

  private static Set<String> granted(Rendered rendered) {
    Set<String> granted = new TreeSet<>();
    for (Map<String, Object> role : roles(rendered)) {
      String where = role.get("kind").equals("ClusterRole") ? "cluster" : "ns:" + at(role, "metadata.namespace");
      for (Map<String, Object> rule : rules(role)) {
        List<String> groups = at(rule, "apiGroups");
        List<String> resources = at(rule, "resources");
        List<String> verbs = at(rule, "verbs");
        for (String g : groups) {
          for (String r : resources) {
            for (String v : verbs) {
              granted.add(where + "|" + g + "|" + r + "|" + v);
            }
          }
        }
      }
    }
    return granted;
  }

  private static List<Map<String, Object>> roles(Rendered rendered) {
    List<Map<String, Object>> roles = new ArrayList<>(rendered.ofKind("ClusterRole"));
    roles.addAll(rendered.ofKind("Role"));
    return roles;
  }

  private static List<Map<String, Object>> rules(Map<String, Object> role) {
    List<Map<String, Object>> rules = at(role, "rules");
    return rules == null ? List.of() : rules;
  }

  private static String name(Map<String, Object> doc) {
    return at(doc, "metadata.name");
  }

  @Test
  void theFilesExemptAsEmbeddedServerOnlyTakeTheirClientFromTheEmbeddedServer() throws java.io.IOException {
    java.nio.file.Path cli = java.nio.file.Path.of("src/main/java/io/brighthive/loadstress/cli");
    for (String file : KubernetesAccess.EMBEDDED_SERVER_ONLY) {
      String code = java.nio.file.Files.readString(cli.resolve(file));
      assertThat(code).as(file).doesNotContain("KubernetesClientBuilder").doesNotContain("new KubernetesClient");
    }
    assertThat(java.nio.file.Files.readString(cli.resolve("DevCommand.java")))
        .contains("DevApiServer server = DevApiServer.start(").contains("KubernetesClient client = server.client();");
  }
}
