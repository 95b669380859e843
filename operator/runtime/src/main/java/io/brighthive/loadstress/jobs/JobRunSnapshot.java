package io.brighthive.loadstress.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * What the provider reports about one job run.
 *
 * @param vcpuHours billed vCPU-hours when the provider reports usage (EMR Serverless), else empty
 */
public record JobRunSnapshot(
    String jobRunId,
    JobState state,
    String stateDetails,
    Instant createdAt,
    Instant updatedAt,
    Optional<Double> vcpuHours,
    Optional<Double> memoryGbHours,
    Optional<Double> storageGbHours,
    String logLocation) {}
