package io.brighthive.loadstress.generator.scenario.workloads;

import java.time.Instant;

/**
 * Writes one table's context document. The source had an LLM do this; {@link #TEMPLATE} is the
 * deterministic reference, and another writer can be put behind the same interface.
 */
interface S03DocumentWriter {

  String write(S03TableFacts facts, Instant asOf, int staleAfterDays);

  S03DocumentWriter TEMPLATE = S03ContextDocument::render;
}
