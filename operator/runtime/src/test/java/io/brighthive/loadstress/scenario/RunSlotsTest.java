package io.brighthive.loadstress.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.api.ScenarioRun;
import io.brighthive.loadstress.api.scenario.RunPhase;
import io.brighthive.loadstress.api.scenario.ScenarioId;
import io.brighthive.loadstress.api.scenario.ScenarioRunStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSlotsTest {

  private static ScenarioRun run(String name, String env, RunPhase phase) {
    ScenarioRun run = Runs.of("ns", name, env, ScenarioId.S08);
    run.getMetadata().setUid("uid-" + name);
    if (phase != null) {
      run.setStatus(new ScenarioRunStatus());
      run.getStatus().setPhase(phase);
    }
    return run;
  }

  @Test
  void aSlotTakenBeforeTheCacheShowsItStillCounts() {
    RunSlots slots = new RunSlots(2);
    ScenarioRun a = run("a", "env", null);
    ScenarioRun b = run("b", "env", null);
    ScenarioRun c = run("c", "env", null);
    List<ScenarioRun> cache = List.of(a, b, c);

    assertThat(slots.tryTake(a, cache)).isTrue();
    assertThat(slots.tryTake(b, cache)).isTrue();
    assertThat(slots.tryTake(c, cache)).isFalse();
    assertThat(slots.tryTake(a, cache)).as("a run that holds a slot keeps it").isTrue();

    slots.release(a);
    assertThat(slots.tryTake(c, cache)).isTrue();
  }

  @Test
  void afterARestartTheCachedPhasesCountAndOtherEnvironmentsDoNot() {
    RunSlots slots = new RunSlots(1);
    ScenarioRun running = run("running", "env", RunPhase.Running);
    ScenarioRun finished = run("finished", "env", RunPhase.Succeeded);
    ScenarioRun elsewhere = run("elsewhere", "other", null);
    ScenarioRun waiting = run("waiting", "env", RunPhase.Pending);
    List<ScenarioRun> cache = List.of(running, finished, elsewhere, waiting);

    assertThat(slots.tryTake(waiting, cache)).isFalse();
    assertThat(slots.inFlight(waiting, cache)).isEqualTo(1);
    assertThat(slots.tryTake(elsewhere, cache)).isTrue();
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> new RunSlots(0)).hasMessageContaining("at least 1, not 0");
  }

  @Test
  void durationsAndTimeoutsReadAsKubectlWritesThem() {
    assertThat(ScenarioRunController.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(ScenarioRunController.format(Duration.ofSeconds(192))).isEqualTo("3m12s");
    assertThat(ScenarioRunController.format(Duration.ofMinutes(125))).isEqualTo("2h5m");
    ScenarioRun run = run("t", "env", null);
    assertThat(ScenarioRunController.timeout(run)).isEqualTo(Duration.ofHours(1));
    run.getSpec().setTimeout("1h30m");
    assertThat(ScenarioRunController.timeout(run)).isEqualTo(Duration.ofMinutes(90));
    run.getSpec().setTimeout("0s");
    assertThatThrownBy(() -> ScenarioRunController.timeout(run)).hasMessage("spec.timeout must be longer than zero");
  }
}
