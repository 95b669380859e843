package io.brighthive.loadstress.environment.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.environment.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every AWS name fits its service's rules, including for the longest Kubernetes names. */
class NamesTest {
  /** Kubernetes allows 63 characters for a namespace (a DNS label) and 253 for a name. */
  static final String NAMESPACE_63 = "n".repeat(30) + "-" + "s".repeat(32);
  static final String NAME_63 = "e".repeat(20) + "-" + "n".repeat(20) + "-" + "v".repeat(21);
  static final String NAME_253 = ("a".repeat(60) + ".") + ("b".repeat(60) + "-") + ("c".repeat(60) + ".") + "d".repeat(70);
  private static final String ACCOUNT = "123456789012";

  private static final Pattern STACK = Pattern.compile("^[A-Za-z][-A-Za-z0-9]*$");
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9-]*[a-z0-9]$");
  private static final Pattern REDSHIFT = Pattern.compile("^[a-z][a-z0-9-]*$");
  private static final Pattern ROLE = Pattern.compile("^[\\w+=,.@-]+$");
  private static final Pattern EMR_APP = Pattern.compile("^[A-Za-z0-9._/#-]+$");
  private static final Pattern LOG_GROUP = Pattern.compile("^[.\\-_/#A-Za-z0-9]+$");
  private static final Pattern TOPIC = Pattern.compile("^[A-Za-z0-9_-]+$");
  private static final Pattern DASHBOARD = Pattern.compile("^[A-Za-z0-9_-]+$");

  static Stream<Arguments> identities() {
    return Stream.of(
        Arguments.of("loadstress", "subset", "us-west-2"),
        Arguments.of(NAMESPACE_63, NAME_63, "us-west-2"),
        Arguments.of(NAMESPACE_63, NAME_253, "us-west-2"),
        Arguments.of(NAMESPACE_63, NAME_253, "ap-southeast-2"),
        Arguments.of("a", "b", "us-gov-west-1"));
  }

  @ParameterizedTest
  @MethodSource("identities")
  void everyNameFitsItsService(String namespace, String name, String region) {
    Names names = Names.of(namespace, name);

    for (Component component : Component.values()) {
      assertFits(names.stackName(component.id()), 128, STACK);
    }
    String bucket = names.bucketName(ACCOUNT, region);
    assertFits(bucket, 63, BUCKET);
    assertThat(bucket).doesNotContain("..").doesNotStartWith("xn--").doesNotStartWith("sthree-")
        .doesNotEndWith("-s3alias").doesNotEndWith("--ol-s3").doesNotEndWith(".mrap").doesNotEndWith("--x-s3")
        .endsWith("-" + ACCOUNT + "-" + region);
    assertThat(names.bucketNameTemplate(region)).isEqualTo(names.bucketName("${AWS::AccountId}", region));
    for (String identifier : List.of(names.redshiftClusterId(), names.redshiftParameterGroup())) {
      assertFits(identifier, 63, REDSHIFT);
      assertThat(identifier).doesNotContain("--").doesNotEndWith("-");
    }
    for (String purpose : List.of("flow-logs", "redshift-copy", "emr-job")) {
      assertFits(names.roleName(purpose, region), 64, ROLE);
    }
    assertFits(names.emrApplicationName(), 64, EMR_APP);
    for (String group : List.of(names.logGroupName("vpc-flow-logs"), names.logGroupName("emr-serverless"),
        names.logGroupName("application"), names.redshiftAuditLogGroup("useractivitylog"))) {
      assertFits(group, 512, LOG_GROUP);
    }
    assertFits(names.alarmTopicName(), 256, TOPIC);
    assertThat(names.alarmName("redshift-high-connections")).hasSizeLessThanOrEqualTo(255);
    assertFits(names.dashboardName(region), 255, DASHBOARD);
    assertThat(names.securityGroupName("redshift")).hasSizeLessThanOrEqualTo(255).doesNotStartWith("sg-");
  }

  @ParameterizedTest
  @MethodSource("identities")
  void everyNameEndsWithTheHashOfTheFullIdentity(String namespace, String name, String region) {
    Names names = Names.of(namespace, name);
    String hash = names.hash();

    assertThat(hash).matches("^[0-9a-f]{8}$");
    assertThat(names.redshiftClusterId()).endsWith("-" + hash);
    assertThat(names.stackName("vpc")).endsWith("-" + hash + "-vpc");
    assertThat(names.emrApplicationName()).endsWith("-" + hash + "-spark");
    assertThat(names.logGroupName("application")).isEqualTo("/loadstress/" + namespace + "/" + name + "/application");
  }

  @Test
  void namesAreStable() {
    Names names = Names.of("loadstress", "subset");

    assertThat(names.hash()).isEqualTo("45af27a6");
    assertThat(names.stackName("vpc")).isEqualTo("ls-loadstress-subset-45af27a6-vpc");
    assertThat(names.redshiftClusterId()).isEqualTo("ls-loadstress-subset-45af27a6");
    assertThat(names.bucketName(ACCOUNT, "us-west-2"))
        .isEqualTo("ls-loadstress-subset-45af27a6-123456789012-us-west-2");
    assertThat(names.roleName("emr-job", "us-west-2")).isEqualTo("ls-loadstress-subset-45af27a6-us-west-2-emr-job");
    assertThat(Names.of("loadstress", "subset").stackName("vpc")).isEqualTo(names.stackName("vpc"));
  }

  @Test
  void longNamesThatShareAPrefixDoNotCollide() {
    Names first = Names.of(NAMESPACE_63, NAME_253);
    Names second = Names.of(NAMESPACE_63, NAME_253.substring(0, 252) + "e");

    assertThat(first.redshiftClusterId()).isNotEqualTo(second.redshiftClusterId());
    assertThat(first.bucketName(ACCOUNT, "us-west-2")).isNotEqualTo(second.bucketName(ACCOUNT, "us-west-2"));
    assertThat(first.roleName("emr-job", "us-west-2")).isNotEqualTo(second.roleName("emr-job", "us-west-2"));
    // The readable part is cut, the hash is not: both keep a readable prefix.
    assertThat(first.redshiftClusterId()).startsWith("ls-nnnnn");
  }

  @Test
  void namesThatReadTheSameOnceJoinedDoNotCollide() {
    List<String> ids = new ArrayList<>();
    ids.add(Names.of("a-b", "c").redshiftClusterId());
    ids.add(Names.of("a", "b-c").redshiftClusterId());
    ids.add(Names.of("a", "b.c").redshiftClusterId());

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(Names.of("a", "b.c").redshiftClusterId()).startsWith("ls-a-b-c-");
  }

  private static void assertFits(String value, int max, Pattern pattern) {
    assertThat(value).hasSizeLessThanOrEqualTo(max).matches(pattern);
  }
}
