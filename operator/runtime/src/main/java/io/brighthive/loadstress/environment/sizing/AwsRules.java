package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.AwsSpec;
import io.brighthive.loadstress.api.environment.LoadstressEnvironmentSpec;
import io.brighthive.loadstress.api.environment.Provider;
import io.brighthive.loadstress.api.environment.VpcSpec;
import io.brighthive.loadstress.environment.Names;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of spec.aws (region, account, role, tags) and spec.vpc. */
final class AwsRules {
  static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-[0-9]$");
  private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
  private static final Pattern ROLE_ARN =
      Pattern.compile("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$");
  // The strictest tag alphabet of the services tagged (EMR Serverless), so one tag fits all; values
  // are not empty because CloudFormation stack tags need at least one character.
  private static final Pattern TAG_KEY = Pattern.compile("^[A-Za-z0-9 /_.:=+@-]{1,128}$");
  private static final Pattern TAG_VALUE = Pattern.compile("^[A-Za-z0-9 /_.:=+@-]{1,256}$");
  private static final int MAX_TAGS_PER_RESOURCE = 50;

  private AwsRules() {}

  static void check(LoadstressEnvironmentSpec spec, ModeDefaults defaults, Problems problems) {
    Provider provider = spec.getProvider() == null ? Provider.AWS : spec.getProvider();
    AwsSpec aws = spec.getAws();
    if (provider == Provider.AWS && (aws == null || aws.getRegion() == null)) {
      problems.add("spec.aws.region", "is required when provider is aws (the default)");
    }
    if (aws != null) {
      checkAws(aws, problems);
    }
    checkVpc(Optional.ofNullable(spec.getVpc()), defaults, problems);
  }

  private static void checkAws(AwsSpec aws, Problems problems) {
    problems.pattern(aws.getRegion(), REGION, "spec.aws.region", "an AWS region such as us-west-2");
    if (aws.getRegion() != null && aws.getRegion().length() > Names.MAX_REGION_LENGTH) {
      problems.add("spec.aws.region", "is too long for the data lake bucket name (at most "
          + Names.MAX_REGION_LENGTH + " characters)");
    }
    problems.pattern(aws.getAccountId(), ACCOUNT, "spec.aws.accountId", "a 12-digit AWS account id");
    problems.pattern(aws.getRoleArn(), ROLE_ARN, "spec.aws.roleArn", "an IAM role ARN");
    Map<String, String> tags = aws.getTags() == null ? Map.of() : aws.getTags();
    int allowed = MAX_TAGS_PER_RESOURCE - Names.OPERATOR_TAG_COUNT;
    problems.require(tags.size() <= allowed, "spec.aws.tags",
        "at most " + allowed + " tags (AWS allows 50 per resource and the operator adds "
            + Names.OPERATOR_TAG_COUNT + "), got " + tags.size());
    tags.forEach((key, value) -> checkTag(key, value, problems));
  }

  private static void checkTag(String key, String value, Problems problems) {
    String field = "spec.aws.tags[" + key + "]";
    problems.pattern(key, TAG_KEY, field, "1 to 128 of the characters A-Z a-z 0-9 space _ . : / = + - @");
    if (key != null && key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      problems.add(field, "tag keys starting with aws: are reserved for AWS");
    }
    if (key != null && key.startsWith(Names.TAG_PREFIX)) {
      problems.add(field, "tag keys starting with " + Names.TAG_PREFIX + " are set by the operator");
    }
    if (value == null) {
      problems.add(field, "needs a value");
    } else {
      problems.pattern(value, TAG_VALUE, field, "1 to 256 of the characters A-Z a-z 0-9 space _ . : / = + - @");
    }
  }

  private static void checkVpc(Optional<VpcSpec> vpc, ModeDefaults d, Problems problems) {
    String text = vpc.map(VpcSpec::getCidr).orElse(d.vpcCidr());
    int zones = vpc.map(VpcSpec::getMaxAzs).orElse(d.maxAzs());
    int nats = vpc.map(VpcSpec::getNatGateways).orElse(d.natGateways());
    problems.range(zones, 1, 3, "spec.vpc.maxAzs");
    problems.range(nats, 0, 3, "spec.vpc.natGateways");
    problems.require(nats <= zones, "spec.vpc.natGateways",
        "cannot exceed vpc.maxAzs (one NAT gateway per availability zone at most): " + nats + " > " + zones);
    Optional<Cidr> cidr = Cidr.parse(text);
    if (cidr.isEmpty()) {
      problems.add("spec.vpc.cidr", "must be an IPv4 CIDR such as 10.0.0.0/16, got '" + text + "'");
      return;
    }
    Cidr block = cidr.get();
    problems.range(block.prefix(), 16, 22, "spec.vpc.cidr prefix length");
    problems.require(block.isNetworkAddress(), "spec.vpc.cidr",
        text + " is not a network address: the bits after /" + block.prefix() + " must be zero");
    if (zones >= 1 && zones <= 3 && !SubnetLayout.fits(block, zones)) {
      problems.add("spec.vpc.cidr", text + " is too small for " + zones + " zones: the subnets need "
          + SubnetLayout.requiredAddresses(zones) + " addresses (a /24 per zone and one /24 of public /28s)");
    }
  }
}
