package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.DeletionPolicy;

/** Effective data lake settings: lifecycle days and what happens to the bucket on deletion. */
public record DataLakeSettings(int retentionDays, int tieringAfterDays, DeletionPolicy deletionPolicy) {}
