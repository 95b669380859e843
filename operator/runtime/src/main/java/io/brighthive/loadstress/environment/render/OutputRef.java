package io.brighthive.loadstress.environment.render;

/** One output of an earlier stack, by component and output key. */
public record OutputRef(Component component, String outputKey) {}
