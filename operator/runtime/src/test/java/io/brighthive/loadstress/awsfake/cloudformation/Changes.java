package io.brighthive.loadstress.awsfake.cloudformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The resource changes between what a stack holds and a new deployment. */
final class Changes {

  private Changes() {
  }

  /**
   * Add for resources that are new, Modify for those whose type, definition or evaluated properties differ (or all
   * of them when the stack's tags change), Remove for those that go; Adds and Modifies in the new dependency order,
   * Removes last.
   */
  static List<ResourceChange> between(StackEnv before, Map<String, StackResource> existing, StackEnv after,
      boolean tagsChanged) {
    List<ResourceChange> changes = new ArrayList<>();
    List<String> order = after.resourceOrder();
    for (String id : order) {
      StackResource current = existing.get(id);
      if (current == null || !current.exists()) {
        changes.add(new ResourceChange("Add", id, null, after.template().type(id)));
      } else if (tagsChanged || modified(before, after, id)) {
        changes.add(new ResourceChange("Modify", id, current.physicalId, after.template().type(id)));
      }
    }
    existing.values().stream().filter(StackResource::exists).filter(r -> !order.contains(r.logicalId))
        .forEach(r -> changes.add(new ResourceChange("Remove", r.logicalId, r.physicalId, r.type)));
    return changes;
  }

  private static boolean modified(StackEnv before, StackEnv after, String id) {
    if (before == null || before.template().resource(id) == null) {
      return true;
    }
    if (!Objects.equals(before.template().resource(id), after.template().resource(id))) {
      return true;
    }
    return !before.evaluatedProperties(id).equals(after.evaluatedProperties(id));
  }
}
