package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.Optional;

/**
 * Turns a question in English into one SQL query over the warehouse tables (orders, customers,
 * products, events, support_tickets, ...) in the SQL that both DuckDB and Spark accept. The
 * default is {@link S14RuleBasedTranslator}; an LLM agent endpoint can implement this interface.
 */
public interface S14Translator {

  String name();

  /** The SQL for the question, or empty when the translator cannot answer it. */
  Optional<String> toSql(String question);
}
