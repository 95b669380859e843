package io.brighthive.loadstress.awsfake.cloudformation;

/** One entry of a change set's Changes: Add, Modify or Remove of a resource. */
record ResourceChange(String action, String logicalId, String physicalId, String resourceType) {
}
