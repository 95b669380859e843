package io.brighthive.loadstress.environment.sizing;

/** Effective thresholds of the environment's CloudWatch alarms. */
public record Thresholds(
    int redshiftCpuPercent, int redshiftConnections, int redshiftDiskPercent, int slowQuerySeconds) {}
