package io.brighthive.loadstress.awsfake.cloudformation;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * All stacks and change sets, and the timeline of their pending transitions. Not thread-safe by itself: callers hold
 * its monitor ({@code synchronized (registry)}) and call {@link #advance()} first, which applies every transition
 * whose due instant has passed.
 */
final class StackRegistry {

  static final Duration DEFAULT_DELAY = Duration.ofMillis(300);

  private record Step(Instant due, long seq, Object owner, Consumer<Instant> action) {
  }

  private final Clock clock;
  private final List<Stack> stacks = new ArrayList<>();
  private final Map<String, ChangeSet> changeSetsById = new LinkedHashMap<>();
  private final PriorityQueue<Step> timeline =
      new PriorityQueue<>(Comparator.comparing(Step::due).thenComparingLong(Step::seq));
  private long seq;
  private Duration delay = DEFAULT_DELAY;

  StackRegistry(Clock clock) {
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  void delay(Duration delay) {
    this.delay = delay;
  }

  /** Applies every pending transition that is due. */
  void advance() {
    Instant now = now();
    Step step;
    while ((step = timeline.peek()) != null && !step.due().isAfter(now)) {
      timeline.poll();
      step.action().accept(step.due());
    }
  }

  /** Spreads {@code steps} evenly over the transition delay from now; the last one is due after exactly the delay. */
  void schedule(Object owner, List<Consumer<Instant>> steps) {
    Instant start = now();
    int n = steps.size();
    for (int i = 0; i < n; i++) {
      Instant due = start.plus(delay.multipliedBy(i + 1).dividedBy(n));
      timeline.add(new Step(due, seq++, owner, steps.get(i)));
    }
  }

  void cancel(Object owner) {
    timeline.removeIf(step -> step.owner() == owner);
  }

  // ---- stacks ----

  Stack newStack(String name, String region) {
    String id = "arn:aws:cloudformation:" + region + ":" + FakeAws.ACCOUNT_ID + ":stack/" + name + "/"
        + UUID.randomUUID();
    Stack stack = new Stack(id, name, region, now());
    stacks.add(stack);
    return stack;
  }

  /** By stack id (ARN): any stack, deleted ones included. By name: the live stack of that name. */
  Optional<Stack> find(String nameOrId) {
    if (nameOrId == null) {
      return Optional.empty();
    }
    if (nameOrId.startsWith("arn:")) {
      return stacks.stream().filter(s -> s.id.equals(nameOrId)).findFirst();
    }
    return stacks.stream().filter(s -> s.name.equals(nameOrId) && !s.isDeleted()).findFirst();
  }

  /** The stack, or a ValidationError "Stack with id X does not exist". */
  Stack require(String nameOrId) {
    return find(nameOrId).orElseThrow(() -> missing(nameOrId));
  }

  static AwsError missing(String nameOrId) {
    return AwsError.validation("Stack with id " + nameOrId + " does not exist");
  }

  List<Stack> all() {
    return List.copyOf(stacks);
  }

  List<Stack> live() {
    return stacks.stream().filter(s -> !s.isDeleted()).toList();
  }

  // ---- exports and imports ----

  /** The value exported under {@code name} by a live stack, or null. */
  String exportValue(String name) {
    for (Stack stack : live()) {
      String value = stack.exports().get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  Optional<Stack> exporter(String exportName, Stack other) {
    return live().stream().filter(s -> s != other && s.exports().containsKey(exportName)).findFirst();
  }

  /** Names of the stacks (other than {@code except}) whose resources import {@code exportName}. */
  List<String> importers(String exportName, Stack except) {
    return live().stream().filter(s -> s != except && s.holdsResources() && s.imports.contains(exportName))
        .map(s -> s.name).toList();
  }

  StackEnv env(Stack stack, Deployment deployment) {
    return new StackEnv(stack.name, stack.id, stack.region, deployment, this::exportValue);
  }

  // ---- change sets ----

  void addChangeSet(ChangeSet changeSet) {
    changeSetsById.put(changeSet.id, changeSet);
    changeSet.stack.changeSets.put(changeSet.name, changeSet);
  }

  void removeChangeSet(ChangeSet changeSet) {
    changeSetsById.remove(changeSet.id);
    changeSet.stack.changeSets.remove(changeSet.name);
    cancel(changeSet);
  }

  /** By change set ARN, or by name within the stack; a ChangeSetNotFound error otherwise. */
  ChangeSet requireChangeSet(String nameOrId, String stackNameOrId) {
    ChangeSet found = null;
    if (nameOrId != null && nameOrId.startsWith("arn:")) {
      found = changeSetsById.get(nameOrId);
    } else if (stackNameOrId != null) {
      found = find(stackNameOrId).map(s -> s.changeSets.get(nameOrId)).orElse(null);
    }
    if (found == null) {
      throw new AwsError(404, "ChangeSetNotFound", "ChangeSet [" + nameOrId + "] does not exist");
    }
    return found;
  }

  void reset() {
    stacks.clear();
    changeSetsById.clear();
    timeline.clear();
    delay = DEFAULT_DELAY;
  }
}
