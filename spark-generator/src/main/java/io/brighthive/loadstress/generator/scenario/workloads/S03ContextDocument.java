package io.brighthive.loadstress.generator.scenario.workloads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The context document of one table, rendered from a template (the deterministic stand-in for the
 * source's LLM-written descriptions), and the check that a document carries every section.
 */
final class S03ContextDocument {

  static final List<String> SECTIONS = List.of("Overview", "Schema", "History", "Usage", "Relationships");

  private S03ContextDocument() {}

  static String render(S03TableFacts facts, Instant asOf, int staleAfterDays) {
    StringBuilder doc = new StringBuilder("# ").append(facts.tableName()).append("\n\n## Overview\n")
        .append("Table ").append(facts.tableName()).append(" (id ").append(facts.tableId()).append(") holds ")
        .append(S03TableFacts.entity(facts.tableName())).append(" from source system ").append(facts.sourceSystem())
        .append(", owned by team ").append(facts.ownerTeam()).append(", created ").append(facts.createdAt())
        .append(", schema version ").append(facts.currentVersion()).append(".\n\n## Schema\n");
    for (S03TableFacts.Column column : facts.columns()) {
      doc.append("- ").append(column.name()).append(' ').append(column.dataType()).append(column.nullable() ? "" : " not null")
          .append('\n');
    }
    doc.append("\n## History\n");
    for (int v = 0; v < facts.columnsPerVersion().size(); v++) {
      doc.append("- version ").append(v + 1).append(": ").append(facts.columnsPerVersion().get(v)).append(" columns\n");
    }
    S03TableFacts.Usage usage = facts.usage();
    doc.append("\n## Usage\n").append("Status: ").append(usage.status(asOf, staleAfterDays)).append(". ")
        .append(usage.queries()).append(" queries by ").append(usage.users()).append(" users")
        .append(usage.lastQuery() == null ? "" : ", last at " + usage.lastQuery())
        .append(usage.topQueryType() == null ? "" : ", mostly " + usage.topQueryType()).append(".\n\n## Relationships\n");
    for (String reference : facts.references()) {
      doc.append("- references ").append(reference).append('\n');
    }
    doc.append("- ").append(facts.sameEntityTables()).append(" other tables hold ").append(S03TableFacts.entity(facts.tableName()))
        .append(" in other systems\n");
    return doc.toString();
  }

  /** The sections of a document that are missing or empty. */
  static List<String> missingSections(String document) {
    Map<String, StringBuilder> bodies = new LinkedHashMap<>();
    StringBuilder current = null;
    for (String line : document.split("\n")) {
      if (line.startsWith("## ")) {
        current = new StringBuilder();
        bodies.put(line.substring(3).trim(), current);
      } else if (current != null && !line.isBlank()) {
        current.append(line).append('\n');
      }
    }
    List<String> missing = new ArrayList<>();
    for (String section : SECTIONS) {
      if (!bodies.containsKey(section) || bodies.get(section).isEmpty()) {
        missing.add(section);
      }
    }
    return missing;
  }
}
