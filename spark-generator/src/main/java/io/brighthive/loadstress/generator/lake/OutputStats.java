package io.brighthive.loadstress.generator.lake;

/** What one written table or ground-truth file contains, as recorded in the manifest. */
public record OutputStats(String name, String path, long rows, long bytes, int files, String checksum) {}
