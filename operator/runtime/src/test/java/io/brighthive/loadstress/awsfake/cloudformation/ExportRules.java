package io.brighthive.loadstress.awsfake.cloudformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CloudFormation's cross-stack rules; each check returns the failure reason, or null when the rule holds. */
final class ExportRules {

  private final StackRegistry registry;

  ExportRules(StackRegistry registry) {
    this.registry = registry;
  }

  /** Every Fn::ImportValue must name a live export. */
  String missingImport(StackEnv env) {
    return env.missingImports().stream().findFirst().map(name -> "No export named " + name + " found. ").orElse(null);
  }

  /** An export name is unique in the region. */
  String conflict(Stack stack, Map<String, Output> outputs) {
    for (Output output : outputs.values()) {
      if (output.exportName() != null) {
        Optional<Stack> other = registry.exporter(output.exportName(), stack);
        if (other.isPresent()) {
          return "Export with name " + output.exportName() + " is already exported by stack " + other.get().name
              + ". ";
        }
      }
    }
    return null;
  }

  /** An update may not remove or change an export that another stack imports. */
  String changedWhileInUse(Stack stack, Map<String, Output> outputs) {
    Map<String, String> next = new LinkedHashMap<>();
    outputs.values().stream().filter(o -> o.exportName() != null).forEach(o -> next.put(o.exportName(), o.value()));
    for (var export : stack.exports().entrySet()) {
      List<String> importers = registry.importers(export.getKey(), stack);
      if (!importers.isEmpty() && !export.getValue().equals(next.get(export.getKey()))) {
        String verb = next.containsKey(export.getKey()) ? "updated" : "deleted";
        return "Export " + export.getKey() + " cannot be " + verb + " as it is in use by "
            + String.join(", ", importers);
      }
    }
    return null;
  }

  /** A stack whose export another stack imports cannot be deleted. */
  String inUseReason(Stack stack) {
    for (String name : stack.exports().keySet()) {
      List<String> importers = registry.importers(name, stack);
      if (!importers.isEmpty()) {
        return "Export " + name + " cannot be deleted as it is in use by " + String.join(", ", importers);
      }
    }
    return null;
  }
}
