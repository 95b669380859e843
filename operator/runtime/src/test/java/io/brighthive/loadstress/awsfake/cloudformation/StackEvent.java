package io.brighthive.loadstress.awsfake.cloudformation;

import java.time.Instant;

/** One entry of DescribeStackEvents. */
record StackEvent(String eventId, String logicalId, String physicalId, String resourceType, Instant timestamp,
    String status, String reason, String clientRequestToken) {
}
