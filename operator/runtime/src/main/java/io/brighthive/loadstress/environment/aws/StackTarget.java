package io.brighthive.loadstress.environment.aws;

import io.brighthive.loadstress.aws.StackRequest;
import io.brighthive.loadstress.environment.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one stack should be: the request to send and the hash that identifies it. The hash is also
 * a stack tag, so the operator sees what it last applied even when its own status was lost.
 */
public record StackTarget(String namespace, String name, String uid, String component, StackRequest request, String hash) {
  public static final String HASH_TAG = Names.TAG_PREFIX + "applied";

  public static StackTarget of(
      String namespace, String name, String uid, String component, String stackName, String templateBody,
      Map<String, String> parameters, Map<String, String> tags, String contentHash) {
    StringBuilder text = new StringBuilder(contentHash);
    new java.util.TreeMap<>(tags).forEach((k, v) -> text.append('\n').append(k).append('=').append(v));
    String hash = sha256(text.toString()).substring(0, 16);
    Map<String, String> allTags = new LinkedHashMap<>(tags);
    allTags.put(HASH_TAG, hash);
    return new StackTarget(namespace, name, uid, component,
        new StackRequest(stackName, templateBody, Map.copyOf(parameters), allTags, null), hash);
  }

  public String stackName() {
    return request.name();
  }

  /**
   * A ClientRequestToken that is the same for the same operation on the same content, so a call
   * repeated after a lost status write is recognised by CloudFormation, and a new one is sent for new
   * content. CloudFormation allows [a-zA-Z][-a-zA-Z0-9]*, at most 128 characters.
   */
  public String token(String operation) {
    String compact = uid == null ? "0" : uid.replace("-", "");
    String uidPart = compact.substring(Math.max(0, compact.length() - 12));
    return "ls-" + operation + "-" + component + "-" + uidPart + "-" + hash;
  }

  public StackRequest requestWithToken(String token) {
    return new StackRequest(request.name(), request.templateBody(), request.parameters(), request.tags(), token);
  }

  public String changeSetName() {
    return "ls-" + hash;
  }

  private static String sha256(String text) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      return java.util.HexFormat.of().formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
