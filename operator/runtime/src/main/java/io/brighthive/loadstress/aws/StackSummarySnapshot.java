package io.brighthive.loadstress.aws;

import java.time.Instant;

/** One line of ListStacks: enough to see that a settled stack is still as the operator left it. */
public record StackSummarySnapshot(String name, String status, Instant lastUpdated) {}
