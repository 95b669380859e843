package io.brighthive.loadstress.awsfake.sts;

import io.brighthive.loadstress.awsfake.AwsError;
import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.FakeRequest;
import io.brighthive.loadstress.awsfake.QueryParams;
import io.brighthive.loadstress.awsfake.QueryProtocolService;
import io.brighthive.loadstress.awsfake.XmlWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS (query protocol, 2011-06-15): GetCallerIdentity answers account {@value FakeAws#ACCOUNT_ID}; AssumeRole hands
 * out fake temporary credentials for any well-formed role ARN of that account, unless the test forbids the role.
 */
public final class FakeSts extends QueryProtocolService {

  public static final String API_VERSION = "2011-06-15";

  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

  private final Clock clock;
  private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();

  public FakeSts(Clock clock) {
    super("sts", API_VERSION, "https://sts.amazonaws.com/doc/2011-06-15/");
    this.clock = clock;
    on("GetCallerIdentity", this::getCallerIdentity);
    on("AssumeRole", this::assumeRole);
  }

  /** AssumeRole of this role ARN answers 403 AccessDenied (the role's trust policy does not allow us). */
  public FakeSts denyAssumeRole(String roleArn) {
    deniedRoles.add(roleArn);
    return this;
  }

  @Override
  protected void resetState() {
    deniedRoles.clear();
  }

  private void getCallerIdentity(QueryParams p, XmlWriter out, FakeRequest request) {
    out.leaf("UserId", "AIDAFAKEUSER00000TEST")
        .leaf("Account", FakeAws.ACCOUNT_ID)
        .leaf("Arn", "arn:aws:iam::" + FakeAws.ACCOUNT_ID + ":user/test");
  }

  private void assumeRole(QueryParams p, XmlWriter out, FakeRequest request) {
    String roleArn = p.required("RoleArn");
    String session = p.required("RoleSessionName");
    Matcher arn = ROLE_ARN.matcher(roleArn);
    if (!arn.matches()) {
      throw AwsError.validation("1 validation error detected: Value '" + roleArn + "' at 'roleArn' failed to "
          + "satisfy constraint: Member must satisfy regular expression pattern: arn:aws:iam::\\d{12}:role/.+");
    }
    if (!SESSION_NAME.matcher(session).matches()) {
      throw AwsError.validation("1 validation error detected: Value '" + session + "' at 'roleSessionName' failed "
          + "to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }
    if (deniedRoles.contains(roleArn) || !arn.group(1).equals(FakeAws.ACCOUNT_ID)) {
      throw new AwsError(403, "AccessDenied", "User: arn:aws:iam::" + FakeAws.ACCOUNT_ID + ":user/test is not "
          + "authorized to perform: sts:AssumeRole on resource: " + roleArn);
    }
    int seconds = p.integer("DurationSeconds").orElse(3600);
    String roleId = "AROAFAKEROLE" + Integer.toHexString(roleArn.hashCode()).toUpperCase();
    out.start("Credentials")
        .leaf("AccessKeyId", "ASIAFAKE" + Integer.toHexString(session.hashCode()).toUpperCase())
        .leaf("SecretAccessKey", "fake-secret")
        .leaf("SessionToken", "fake-session-token")
        .leaf("Expiration", clock.instant().plus(Duration.ofSeconds(seconds)))
        .end()
        .start("AssumedRoleUser")
        .leaf("AssumedRoleId", roleId + ":" + session)
        .leaf("Arn", "arn:aws:sts::" + FakeAws.ACCOUNT_ID + ":assumed-role/" + arn.group(2) + "/" + session)
        .end();
  }
}
