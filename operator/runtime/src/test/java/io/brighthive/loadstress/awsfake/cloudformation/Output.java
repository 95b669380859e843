package io.brighthive.loadstress.awsfake.cloudformation;

/** A stack output as DescribeStacks shows it. */
record Output(String key, String value, String description, String exportName) {
}
