package io.brighthive.loadstress.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sets conditions the Kubernetes way: one per type, lastTransitionTime changes only when the
 * status does, every write carries the generation it reflects.
 */
public final class ConditionSupport {
  private ConditionSupport() {}

  public static void set(
      List<Condition> conditions, String type, boolean status, Enum<?> reason, String message, long generation, Instant now) {
    set(conditions, type, status ? "True" : "False", reason.name(), message, generation, now);
  }

  public static void unknown(List<Condition> conditions, String type, Enum<?> reason, String message, long generation, Instant now) {
    set(conditions, type, "Unknown", reason.name(), message, generation, now);
  }

  private static void set(
      List<Condition> conditions, String type, String status, String reason, String message, long generation, Instant now) {
    Optional<Condition> existing = find(conditions, type);
    String transition = existing.filter(c -> status.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .orElse(now.toString());
    Condition condition = new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message == null ? "" : message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(transition)
        .build();
    existing.ifPresentOrElse(c -> conditions.set(conditions.indexOf(c), condition), () -> conditions.add(condition));
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
