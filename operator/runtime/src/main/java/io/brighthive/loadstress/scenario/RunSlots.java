package io.brighthive.loadstress.scenario;

import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.api.scenario.RunPhase;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The per-environment limit on runs in flight. A run counts from the moment it takes a slot, which
 * is before its Submitted status reaches the informer cache, so two runs reconciled at once cannot
 * both take the last slot. After a restart the cache alone tells which runs are in flight: their
 * status says Submitted or Running before any job is started.
 */
public final class RunSlots {
  private final int limit;
  /** uid of a run that took a slot -> "namespace/environment". */
  private final Map<String, String> taken = new HashMap<>();

  public RunSlots(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the limit of concurrent runs per environment must be at least 1, not " + limit);
    }
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  /** True when the run may start now; {@code known} are the runs of the namespace as the cache has them. */
  public synchronized boolean tryTake(ScenarioRun run, Collection<ScenarioRun> known) {
    String uid = run.getMetadata().getUid();
    String environment = key(run);
    if (taken.containsKey(uid)) {
      return true;
    }
    long inFlight = known.stream()
        .filter(other -> !Objects.equals(other.getMetadata().getUid(), uid))
        .filter(other -> environment.equals(key(other)))
        .filter(other -> taken.containsKey(other.getMetadata().getUid()) || inFlight(other))
        .count();
    if (inFlight >= limit) {
      return false;
    }
    taken.put(uid, environment);
    return true;
  }

  public synchronized void release(ScenarioRun run) {
    taken.remove(run.getMetadata().getUid());
  }

  /** Runs in flight for the run's environment, as far as this operator knows. */
  public synchronized long inFlight(ScenarioRun run, Collection<ScenarioRun> known) {
    String environment = key(run);
    return known.stream().filter(other -> environment.equals(key(other)))
        .filter(other -> taken.containsKey(other.getMetadata().getUid()) || inFlight(other)).count();
  }

  private static boolean inFlight(ScenarioRun run) {
    RunPhase phase = run.getStatus() == null ? null : run.getStatus().getPhase();
    return phase == RunPhase.Submitted || phase == RunPhase.Running;
  }

  private static String key(ScenarioRun run) {
    return run.getMetadata().getNamespace() + "/" + run.getSpec().getEnvironmentRef().getName();
  }
}
