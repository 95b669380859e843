package io.brighthive.loadstress.cli;

import io.brighthive.loadstress.api.LoadstressEnvironment;
import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.api.scenario.RunPhase;
import io.brighthive.loadstress.api.scenario.ScenarioResult;
import io.brighthive.loadstress.api.scenario.Verdict;
import io.brighthive.loadstress.scenario.ScenarioResults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the dev command prints: one line per status transition of every LoadstressEnvironment and
 * ScenarioRun as it happens, and at the end a table of the runs with their verdicts.
 */
final class DevProgress implements AutoCloseable {
  private final KubernetesClient client;
  private final PrintStream out;
  private final Clock clock;
  private final Instant started;
  private final Map<String, String> last = new ConcurrentHashMap<>();
  private final List<Watch> watches = new ArrayList<>();

  DevProgress(KubernetesClient client, PrintStream out, Clock clock) {
    this.client = client;
    this.out = out;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Starts printing transitions. */
  DevProgress watch() {
    watches.add(client.resources(LoadstressEnvironment.class).inAnyNamespace().watch(new Printer<>(this::environmentLine)));
    watches.add(client.resources(ScenarioRun.class).inAnyNamespace().watch(new Printer<>(this::runLine)));
    return this;
  }

  private final class Printer<T extends HasMetadata> implements Watcher<T> {
    private final java.util.function.Function<T, String> line;

    Printer(java.util.function.Function<T, String> line) {
      this.line = line;
    }

    @Override
    public void eventReceived(Action action, T resource) {
      String key = resource.getKind() + "/" + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
      String text = action == Action.DELETED ? "deleted" : line.apply(resource);
      if (text != null && !Objects.equals(last.put(key, text), text)) {
        print(shortKind(resource) + "/" + resource.getMetadata().getName(), text);
      }
    }

    @Override
    public void onClose(WatcherException cause) {
      // The dev command closes its watches when it ends; a server that went away ends it anyway.
    }
  }

  private synchronized void print(String name, String text) {
    Duration since = Duration.between(started, clock.instant());
    out.printf(Locale.ROOT, "[%02d:%02d] %-24s %s%n", since.toMinutes(), since.toSecondsPart(), name, text);
  }

  private String environmentLine(LoadstressEnvironment env) {
    if (env.getStatus() == null || env.getStatus().getPhase() == null) {
      return null;
    }
    return String.format(Locale.ROOT, "%-12s %s", env.getStatus().getPhase(), nullToEmpty(env.getStatus().getMessage()));
  }

  private String runLine(ScenarioRun run) {
    if (run.getStatus() == null || run.getStatus().getPhase() == null) {
      return null;
    }
    return String.format(Locale.ROOT, "%-12s %s", run.getStatus().getPhase(), nullToEmpty(run.getStatus().getMessage()));
  }

  private static String shortKind(HasMetadata resource) {
    return resource instanceof ScenarioRun ? "sr" : "lse";
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  /** True when every run named is finished (a missing run counts as finished: it was deleted). */
  boolean finished(Set<NamespacedName> runs) {
    for (NamespacedName name : runs) {
      ScenarioRun run = client.resources(ScenarioRun.class).inNamespace(name.namespace()).withName(name.name()).get();
      if (run != null && (run.getStatus() == null || run.getStatus().getPhase() == null || !run.getStatus().getPhase().isFinished())) {
        return false;
      }
    }
    return true;
  }

  /** True when every environment named is Ready or Failed. */
  boolean settled(Set<NamespacedName> environments) {
    for (NamespacedName name : environments) {
      LoadstressEnvironment env = client.resources(LoadstressEnvironment.class).inNamespace(name.namespace()).withName(name.name()).get();
      if (env != null && (env.getStatus() == null || env.getStatus().getPhase() == null
          || !List.of("Ready", "Failed").contains(env.getStatus().getPhase().name()))) {
        return false;
      }
    }
    return true;
  }

  /** Prints the table of the named runs; true when each of them succeeded with the verdict Passed. */
  boolean summary(Set<NamespacedName> runs) {
    out.println();
    out.printf(Locale.ROOT, "%-22s %-8s %-10s %-8s %9s %9s  %s%n", "SCENARIORUN", "SCENARIO", "PHASE", "VERDICT", "P95(MS)",
        "DURATION", "SLOS");
    boolean allPassed = true;
    for (NamespacedName name : runs) {
      ScenarioRun run = client.resources(ScenarioRun.class).inNamespace(name.namespace()).withName(name.name()).get();
      if (run == null) {
        out.printf(Locale.ROOT, "%-22s (deleted)%n", name.name());
        allPassed = false;
        continue;
      }
      var status = run.getStatus();
      ScenarioResult result = status == null ? null : status.getResult();
      RunPhase phase = status == null ? null : status.getPhase();
      Verdict verdict = result == null ? null : result.getVerdict();
      allPassed &= phase == RunPhase.Succeeded && verdict == Verdict.Passed;
      String p95 = result == null || result.getLatencyMs() == null || result.getLatencyMs().getP95() == null ? "-"
          : String.format(Locale.ROOT, "%.1f", result.getLatencyMs().getP95());
      out.printf(Locale.ROOT, "%-22s %-8s %-10s %-8s %9s %9s  %s%n", name.name(), run.getSpec().getScenario(),
          phase == null ? "-" : phase, verdict == null ? "-" : verdict, p95,
          status == null || status.getDuration() == null ? "-" : status.getDuration(),
          result == null ? nullToEmpty(status == null ? null : status.getMessage()) : ScenarioResults.summary(result));
    }
    return allPassed;
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
  }

  record NamespacedName(String namespace, String name) {}
}
