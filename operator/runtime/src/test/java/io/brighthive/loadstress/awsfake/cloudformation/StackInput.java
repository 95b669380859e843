package io.brighthive.loadstress.awsfake.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.QueryParams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads and checks the inputs shared by CreateStack, UpdateStack and CreateChangeSet, as AWS checks them. */
final class StackInput {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]*");
  private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9][-a-zA-Z0-9]*");

  private StackInput() {
  }

  /** A new stack's (or change set's) name: letters, digits and hyphens, starting with a letter, at most 128. */
  static String name(QueryParams params, String field) {
    String value = params.required(field);
    if (value.length() > 128 || !NAME.matcher(value).matches()) {
      throw AwsError.validation("1 validation error detected: Value '" + value + "' at '" + lower(field)
          + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + NAME.pattern());
    }
    return value;
  }

  /** A ClientRequestToken, or null when absent. */
  static String token(QueryParams params, String field) {
    String value = params.get(field);
    if (value == null || value.isEmpty()) {
      return null;
    }
    boolean checkPattern = !field.equals("ClientToken");
    if (value.length() > 128 || (checkPattern && !TOKEN.matcher(value).matches())) {
      throw AwsError.validation("1 validation error detected: Value '" + value + "' at '" + lower(field)
          + "' failed to satisfy constraint: Member must satisfy regular expression pattern: " + TOKEN.pattern()
          + " and have length less than or equal to 128");
    }
    return value;
  }

  static Template template(QueryParams params, Deployment previous, Function<String, String> urlResolver) {
    String body = params.get("TemplateBody");
    String url = params.get("TemplateURL");
    boolean usePrevious = params.bool("UsePreviousTemplate", false);
    int given = (body != null ? 1 : 0) + (url != null ? 1 : 0) + (usePrevious ? 1 : 0);
    if (given == 0) {
      throw AwsError.validation("Either Template URL or Template Body must be specified.");
    }
    if (given > 1) {
      throw AwsError.validation("Exactly one of TemplateBody, TemplateURL or UsePreviousTemplate must be specified.");
    }
    if (usePrevious) {
      if (previous == null) {
        throw AwsError.validation("UsePreviousTemplate can only be used with an existing stack that has a template.");
      }
      return previous.template();
    }
    if (url != null) {
      body = urlResolver.apply(url);
      if (body == null) {
        throw AwsError.validation("TemplateURL must be a supported URL.");
      }
    }
    return Template.parse(body);
  }

  /** Effective parameter values: given, previous (UsePreviousValue) or default; checked against the template. */
  static Map<String, String> parameters(Template template, Optional<List<Map<String, String>>> given,
      Map<String, String> previous) {
    JsonNode definitions = template.section("Parameters");
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (Map<String, String> parameter : given.orElse(List.of())) {
      String key = parameter.get("ParameterKey");
      if (!definitions.has(key)) {
        unknown.add(key);
      } else if (Boolean.parseBoolean(parameter.get("UsePreviousValue"))) {
        if (previous == null || !previous.containsKey(key)) {
          throw AwsError.validation("Invalid input for parameter key " + key
              + ". Cannot specify usePreviousValue as true for a parameter key not in the previous template");
        }
        values.put(key, previous.get(key));
      } else {
        values.put(key, parameter.getOrDefault("ParameterValue", ""));
      }
    }
    if (!unknown.isEmpty()) {
      throw AwsError.validation("Parameters: " + unknown + " do not exist in the template");
    }
    List<String> missing = new ArrayList<>();
    definitions.fields().forEachRemaining(e -> {
      if (!values.containsKey(e.getKey())) {
        if (e.getValue().has("Default")) {
          values.put(e.getKey(), e.getValue().get("Default").asText());
        } else {
          missing.add(e.getKey());
        }
      }
    });
    if (!missing.isEmpty()) {
      throw AwsError.validation("Parameters: " + missing + " must have values");
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    definitions.fieldNames().forEachRemaining(key -> {
      check(key, definitions.get(key), values.get(key));
      ordered.put(key, values.get(key));
    });
    return ordered;
  }

  private static void check(String key, JsonNode definition, String value) {
    JsonNode allowed = definition.get("AllowedValues");
    if (allowed != null && allowed.isArray()) {
      boolean ok = false;
      for (JsonNode candidate : allowed) {
        ok |= candidate.asText().equals(value);
      }
      if (!ok) {
        throw AwsError.validation("Parameter '" + key + "' must be one of AllowedValues");
      }
    }
    JsonNode pattern = definition.get("AllowedPattern");
    if (pattern != null && !Pattern.compile(pattern.asText()).matcher(value).matches()) {
      throw AwsError.validation("Parameter '" + key + "' must match pattern " + pattern.asText());
    }
    if (definition.has("MinLength") && value.length() < definition.get("MinLength").asInt()) {
      throw AwsError.validation("Parameter '" + key + "' must contain at least "
          + definition.get("MinLength").asInt() + " characters");
    }
    if (definition.has("MaxLength") && value.length() > definition.get("MaxLength").asInt()) {
      throw AwsError.validation("Parameter '" + key + "' must contain at most "
          + definition.get("MaxLength").asInt() + " characters");
    }
    if (definition.path("Type").asText().equals("Number")) {
      BigDecimal number;
      try {
        number = new BigDecimal(value.trim());
      } catch (NumberFormatException e) {
        throw AwsError.validation("Parameter '" + key + "' must be a number.");
      }
      if (definition.has("MinValue") && number.compareTo(new BigDecimal(definition.get("MinValue").asText())) < 0) {
        throw AwsError.validation("Parameter '" + key + "' must be a number not less than "
            + definition.get("MinValue").asText());
      }
      if (definition.has("MaxValue") && number.compareTo(new BigDecimal(definition.get("MaxValue").asText())) > 0) {
        throw AwsError.validation("Parameter '" + key + "' must be a number not greater than "
            + definition.get("MaxValue").asText());
      }
    }
  }

  /** The tags given, or {@code previous} when the request has none (AWS keeps a stack's tags then). */
  static Map<String, String> tags(QueryParams params, Map<String, String> previous) {
    Optional<List<Map<String, String>>> given = params.structs("Tags");
    if (given.isEmpty()) {
      return previous == null ? Map.of() : previous;
    }
    if (given.get().size() > 50) {
      throw AwsError.validation("1 validation error detected: Value at 'tags' failed to satisfy constraint: "
          + "Member must have length less than or equal to 50");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map<String, String> tag : given.get()) {
      String key = tag.getOrDefault("Key", "");
      String value = tag.getOrDefault("Value", "");
      if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
        throw AwsError.validation("1 validation error detected: Value '" + key + "' at 'tags' failed to satisfy "
            + "constraint: Tag keys must be 1 to 128 characters and values at most 256 characters");
      }
      if (key.startsWith("aws:")) {
        throw AwsError.validation("Invalid tag key: tag keys starting with aws: are reserved for AWS use");
      }
      tags.put(key, value);
    }
    return tags;
  }

  /** Template, parameters, tags and capabilities of a request, over the stack's current deployment (or null). */
  static Deployment deployment(QueryParams params, Deployment previous, Function<String, String> urlResolver) {
    Template template = template(params, previous, urlResolver);
    List<String> capabilities = capabilities(params);
    checkCapabilities(template, capabilities);
    Map<String, String> parameters = parameters(template, params.structs("Parameters"),
        previous == null ? null : previous.parameters());
    Map<String, String> tags = tags(params, previous == null ? null : previous.tags());
    return new Deployment(template, parameters, tags, capabilities);
  }

  /** AWS accepts updates only in these states. */
  static void requireUpdatable(Stack stack) {
    if (!Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE",
        "IMPORT_ROLLBACK_COMPLETE").contains(stack.status)) {
      throw AwsError.validation("Stack:" + stack.id + " is in " + stack.status + " state and can not be updated.");
    }
  }

  static List<String> capabilities(QueryParams params) {
    return params.list("Capabilities").orElse(List.of());
  }

  static void checkCapabilities(Template template, List<String> capabilities) {
    for (String needed : template.requiredCapabilities()) {
      boolean ok = capabilities.contains(needed)
          || (needed.equals("CAPABILITY_IAM") && capabilities.contains("CAPABILITY_NAMED_IAM"));
      if (!ok) {
        throw new AwsError(400, "InsufficientCapabilitiesException", "Requires capabilities : [" + needed + "]");
      }
    }
  }

  private static String lower(String field) {
    return Character.toLowerCase(field.charAt(0)) + field.substring(1);
  }
}
