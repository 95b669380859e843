package io.brighthive.loadstress.aws;

import java.util.Map;

/** A stack to create or update: its deterministic name, template, parameters, tags and idempotency token. */
public record StackRequest(
    String name, String templateBody, Map<String, String> parameters, Map<String, String> tags, String clientToken) {}
