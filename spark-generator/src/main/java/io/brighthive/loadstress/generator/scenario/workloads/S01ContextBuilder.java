package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.List;

/**
 * Turns profile facts into a context that fits a token budget. The source had an LLM summarise;
 * the priority packer ({@link S01ContextPacker}) is the deterministic reference behind this interface.
 */
interface S01ContextBuilder {

  S01ContextPacker.Packed build(List<S01Fact> facts, int budget);
}
