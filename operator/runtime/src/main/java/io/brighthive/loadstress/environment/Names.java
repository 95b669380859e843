package io.brighthive.loadstress.environment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Every AWS name of one environment, derived from its namespace and name only, so that the name is
 * the external id: a restarted operator finds what it made. Each name is {@code ls-<readable>-<hash>}
 * plus a suffix, where the hash is the first 8 hex digits of SHA-256 over {@code namespace/name}.
 * The hash is always present, because "a-b/c" and "a/b-c" read the same once joined; when a
 * service's length limit is reached only the readable part is cut, so names never collide.
 */
public final class Names {
  /** Prefix of the tag keys the operator sets; spec tags may not use it. */
  public static final String TAG_PREFIX = "loadstress.brighthive.io/";
  public static final String TAG_NAMESPACE = TAG_PREFIX + "namespace";
  public static final String TAG_NAME = TAG_PREFIX + "name";
  public static final String TAG_COMPONENT = TAG_PREFIX + "component";
  public static final String TAG_MANAGED_BY = TAG_PREFIX + "managed-by";
  public static final String MANAGED_BY = "loadstress-operator";
  /**
   * Tags the operator puts on a resource besides the spec's: the four above, the Name tag of EC2
   * resources, and the stack tag the reconciler records the applied hash in (stack tags propagate
   * to the resources). AWS allows 50 per resource; the validator leaves the rest to the spec.
   */
  public static final int OPERATOR_TAG_COUNT = 6;

  static final int STACK_NAME_MAX = 128;
  static final int BUCKET_NAME_MAX = 63;
  static final int REDSHIFT_IDENTIFIER_MAX = 63;
  static final int IAM_ROLE_MAX = 64;
  static final int EMR_APPLICATION_MAX = 64;
  static final int SNS_TOPIC_MAX = 256;
  static final int ALARM_NAME_MAX = 255;
  static final int DASHBOARD_NAME_MAX = 255;
  static final int SECURITY_GROUP_NAME_MAX = 255;
  static final int ACCOUNT_ID_LENGTH = 12;
  private static final String PREFIX = "ls";
  private static final int HASH_LENGTH = 8;
  /** The longest region for which {@code ls-<hash>-<account>-<region>} still fits a bucket name. */
  public static final int MAX_REGION_LENGTH =
      BUCKET_NAME_MAX - PREFIX.length() - 1 - HASH_LENGTH - 1 - ACCOUNT_ID_LENGTH - 1;

  private final String namespace;
  private final String name;
  private final String hash;
  private final String readable;

  private Names(String namespace, String name) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
    this.hash = sha256(namespace + "/" + name).substring(0, HASH_LENGTH);
    this.readable = slug(namespace + "-" + name);
  }

  public static Names of(String namespace, String name) {
    return new Names(namespace, name);
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public String hash() {
    return hash;
  }

  /** CloudFormation stack name: at most 128 characters, {@code [A-Za-z][-A-Za-z0-9]*}. */
  public String stackName(String component) {
    return compose(STACK_NAME_MAX, component);
  }

  /**
   * The data lake bucket as an {@code Fn::Sub} string. Bucket names are global across accounts, so
   * the account id (resolved by CloudFormation, so rendering needs no AWS call) and the region
   * are part of it; the hash keeps two environments of one account apart.
   */
  public String bucketNameTemplate(String region) {
    return bucketName("${AWS::AccountId}", region);
  }

  /** The data lake bucket name once the account is known: 3 to 63 of {@code [a-z0-9-]}. */
  public String bucketName(String accountId, String region) {
    int tail = 1 + ACCOUNT_ID_LENGTH + 1 + region.length();
    return compose(BUCKET_NAME_MAX - tail) + "-" + accountId + "-" + region;
  }

  /** Redshift cluster identifier: at most 63, lower case, a letter first, no "--", no trailing "-". */
  public String redshiftClusterId() {
    return compose(REDSHIFT_IDENTIFIER_MAX);
  }

  /** Redshift parameter group name: the same rules as the cluster identifier. */
  public String redshiftParameterGroup() {
    return compose(REDSHIFT_IDENTIFIER_MAX, "wlm");
  }

  /**
   * Log group Redshift writes an audit log to when audit logging goes to CloudWatch; fixed by
   * Redshift as {@code /aws/redshift/cluster/<cluster>/<log type>}.
   */
  public String redshiftAuditLogGroup(String logType) {
    return "/aws/redshift/cluster/" + redshiftClusterId() + "/" + logType;
  }

  /** EMR Serverless application name: 1 to 64 of {@code [A-Za-z0-9._/#-]}. */
  public String emrApplicationName() {
    return compose(EMR_APPLICATION_MAX, "spark");
  }

  /**
   * IAM role name: at most 64 of {@code [\w+=,.@-]}. Roles are global to the account, so the
   * region is part of the name.
   */
  public String roleName(String purpose, String region) {
    return compose(IAM_ROLE_MAX, region, purpose);
  }

  /** Security group name: at most 255 characters, not starting with sg-. */
  public String securityGroupName(String purpose) {
    return compose(SECURITY_GROUP_NAME_MAX, purpose);
  }

  /**
   * Log group name: {@code /loadstress/<namespace>/<name>/<purpose>}. The slashes keep namespace
   * and name apart, and 63 + 253 characters fit the 512 allowed, so no hash is needed.
   */
  public String logGroupName(String purpose) {
    return "/loadstress/" + namespace + "/" + name + "/" + purpose;
  }

  /** SNS topic name: at most 256 of {@code [A-Za-z0-9_-]}. */
  public String alarmTopicName() {
    return compose(SNS_TOPIC_MAX, "alarms");
  }

  /** CloudWatch alarm name: at most 255 characters. */
  public String alarmName(String purpose) {
    return compose(ALARM_NAME_MAX, purpose);
  }

  /**
   * CloudWatch dashboard name: at most 255 of {@code [A-Za-z0-9_-]}. Dashboards are global to the
   * account, so the region is part of the name.
   */
  public String dashboardName(String region) {
    return compose(DASHBOARD_NAME_MAX, region);
  }

  /** {@code ls-<readable>-<hash>[-<suffix>...]}, cutting only the readable part to fit {@code max}. */
  private String compose(int max, String... suffixes) {
    StringBuilder tail = new StringBuilder("-").append(hash);
    for (String suffix : suffixes) {
      tail.append('-').append(slug(suffix));
    }
    int room = max - PREFIX.length() - 1 - tail.length();
    String head = readable.length() <= room ? readable : trimHyphens(readable.substring(0, Math.max(0, room)));
    String composed = head.isEmpty() ? PREFIX + tail : PREFIX + "-" + head + tail;
    if (composed.length() > max) {
      throw new IllegalArgumentException("no room for a name of at most " + max + " characters: " + composed);
    }
    return composed;
  }

  /** Lower case letters, digits and single hyphens; never starts or ends with a hyphen. */
  static String slug(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return trimHyphens(lower);
  }

  private static String trimHyphens(String text) {
    return text.replaceAll("^-+", "").replaceAll("-+$", "");
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
