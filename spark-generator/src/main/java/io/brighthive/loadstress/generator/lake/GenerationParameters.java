package io.brighthive.loadstress.generator.lake;

import java.util.List;

/**
 * Everything that decides the generated content. Two runs with equal parameters write equal data;
 * {@code dataVersion} changes whenever the generator's output for the same parameters changes.
 */
public record GenerationParameters(
    long records, long seed, List<String> datasets, double conflictRate, int dataVersion) {}
