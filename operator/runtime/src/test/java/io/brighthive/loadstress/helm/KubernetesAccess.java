package io.brighthive.loadstress.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every Kubernetes API call the operator makes, and the RBAC permission each needs: the one list
 * that RbacTest checks the code against (every call site in main sources must be listed here) and
 * the chart against (the chart must grant exactly these, nothing more).
 */
final class KubernetesAccess {
  static final Path MAIN_SOURCES = Path.of("src/main/java");
  static final String API_PACKAGE = "io.brighthive.loadstress.api.";

  /** Where a permission must hold. */
  enum Scope {
    /** Every namespace the operator watches: a ClusterRole, or a Role in each watched namespace. */
    WATCHED,
    /** The release namespace only (the leader-election Lease). */
    RELEASE,
    /** Granted to every authenticated user by Kubernetes' default system:basic-user ClusterRole. */
    DEFAULT
  }

  record Permission(Scope scope, String apiGroup, String resource, String verb) {
    @Override
    public String toString() {
      return verb + " " + (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource + " (" + scope + ")";
    }
  }

  /**
   * One call site in main sources: the file, a pattern its line matches, what it needs. A planned
   * call is not in the code yet, but the chart grants it already (the issue that adds it is open).
   */
  record CallSite(String file, Pattern line, List<Permission> permissions, boolean planned, String why) {}

  private static final String GROUP = "loadstress.brighthive.io";

  static final List<CallSite> CALL_SITES = List.of(
      new CallSite("LoadstressEnvironmentReconciler.java", Pattern.compile("getClient\\(\\)\\.resource\\(env\\)\\.delete\\(\\)"),
          List.of(watched(GROUP, "loadstressenvironments", "delete")), false, "an environment whose ttl ran out deletes itself"),
      new CallSite("LoadstressEnvironmentReconciler.java", Pattern.compile("getClient\\(\\)\\.resource\\(statusOnly\\)\\.patchStatus\\(\\)"),
          List.of(watched(GROUP, "loadstressenvironments/status", "patch")), false, "cleanup records what was deleted"),
      new CallSite("KubernetesEventRecorder.java", Pattern.compile("client\\.v1\\(\\)\\.events\\(\\)\\.inNamespace\\(namespace\\)\\.resource\\(event\\)\\.create\\(\\)"),
          List.of(watched("", "events", "create")), false, "Events for kubectl describe; each has a new name, so no patch"),
      new CallSite("ScenarioRunReconciler.java", Pattern.compile("getClient\\(\\)\\.resource\\(run\\)\\.delete\\(\\)"),
          List.of(watched(GROUP, "scenarioruns", "delete")), false, "ttlSecondsAfterFinished deletes finished runs"),
      new CallSite("ScenarioRunReconciler.java",
          Pattern.compile("client\\.resources\\(LoadstressEnvironment\\.class\\)\\.inNamespace\\(namespace\\)\\.withName\\(name\\)\\.get\\(\\)"),
          List.of(watched(GROUP, "loadstressenvironments", "get")), false, "a run reads its environment's readiness and job runtime"));

  /** What JOSDK does for each {@code Reconciler<Kind>}: informers, finalizer patches (edit), status patches (editStatus). */
  static List<Permission> reconcilerNeeds(String plural) {
    return List.of(
        watched(GROUP, plural, "list"),
        watched(GROUP, plural, "watch"),
        // JOSDK re-reads the resource when a finalizer patch conflicts.
        watched(GROUP, plural, "get"),
        watched(GROUP, plural, "patch"),
        watched(GROUP, plural + "/status", "patch"));
  }

  /** Reconcilers whose code is not written yet but whose permissions the chart already grants. */
  static final List<String> PLANNED_RECONCILERS = List.of();

  /**
   * JOSDK's leader election (LeaderElectionManager): a SelfSubjectRulesReview to check for create,
   * get and update on the Lease, then fabric8's LeaseLock reads, creates and merge-patches it.
   */
  static final List<Permission> LEADER_ELECTION = List.of(
      new Permission(Scope.DEFAULT, "authorization.k8s.io", "selfsubjectrulesreviews", "create"),
      new Permission(Scope.RELEASE, "coordination.k8s.io", "leases", "create"),
      new Permission(Scope.RELEASE, "coordination.k8s.io", "leases", "get"),
      new Permission(Scope.RELEASE, "coordination.k8s.io", "leases", "update"),
      new Permission(Scope.RELEASE, "coordination.k8s.io", "leases", "patch"));

  private static final Pattern RECONCILER = Pattern.compile("implements\\s+[^{]*\\bReconciler<(\\w+)>");
  private static final Pattern CLIENT_FIELD = Pattern.compile("\\bKubernetesClient\\s+(\\w+)\\s*[;,)=]");
  private static final Pattern GET_CLIENT = Pattern.compile("getClient\\(\\)\\s*\\.");

  private KubernetesAccess() {}

  /** A line of main code that talks to the Kubernetes API through the fabric8 client. */
  record Call(Path file, int lineNumber, String line) {
    @Override
    public String toString() {
      return file.getFileName() + ":" + lineNumber + ": " + line.trim();
    }
  }

  /** Every line in main sources that uses a KubernetesClient (a field or parameter, or JOSDK's context.getClient()). */
  static List<Call> callsInCode() {
    List<Call> calls = new ArrayList<>();
    for (Path file : javaFiles()) {
      List<String> lines = read(file);
      String text = String.join("\n", lines);
      Set<String> clients = new LinkedHashSet<>();
      Matcher m = CLIENT_FIELD.matcher(text);
      while (m.find()) {
        clients.add(m.group(1));
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        boolean viaClient = clients.stream().anyMatch(c -> Pattern.compile("\\b" + c + "\\s*\\.\\s*(?!close\\()\\w+\\(").matcher(line).find());
        if (viaClient || GET_CLIENT.matcher(line).find()) {
          calls.add(new Call(file, i + 1, line));
        }
      }
    }
    return calls;
  }

  /** The kinds that have a Reconciler in main sources, by their simple class name. */
  static List<String> reconciledKinds() {
    List<String> kinds = new ArrayList<>();
    for (Path file : javaFiles()) {
      Matcher m = RECONCILER.matcher(String.join("\n", read(file)));
      while (m.find()) {
        kinds.add(m.group(1));
      }
    }
    return kinds;
  }

  static boolean leaderElectionInCode() {
    return javaFiles().stream().anyMatch(f -> String.join("\n", read(f)).contains("LeaderElectionConfiguration"));
  }

  /** The CRD plural of a kind of the API module, from the class itself. */
  static String plural(String kind) {
    try {
      Class<? extends HasMetadata> type = Class.forName(API_PACKAGE + kind).asSubclass(HasMetadata.class);
      return HasMetadata.getPlural(type);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no class " + API_PACKAGE + kind + " for Reconciler<" + kind + ">", e);
    }
  }

  static Permission watched(String group, String resource, String verb) {
    return new Permission(Scope.WATCHED, group, resource, verb);
  }

  /**
   * Files whose Kubernetes calls go only to the dev command's own embedded API server (which it
   * starts and which has no RBAC), never to a cluster under the chart's service account.
   */
  static final List<String> EMBEDDED_SERVER_ONLY = List.of("DevCommand.java", "DevProgress.java");

  private static List<Path> javaFiles() {
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !EMBEDDED_SERVER_ONLY.contains(p.getFileName().toString()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
