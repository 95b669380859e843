package io.brighthive.loadstress.environment.sizing;

/** Effective EMR Serverless settings. */
public record SparkSettings(
    String releaseLabel,
    WorkerGroup driver,
    WorkerGroup executor,
    Capacity maximumCapacity,
    int idleTimeoutMinutes) {}
