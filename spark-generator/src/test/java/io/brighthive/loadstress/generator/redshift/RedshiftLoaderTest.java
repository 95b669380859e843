package io.brighthive.loadstress.generator.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedshiftLoaderTest {

  private static final RedshiftOptions OPTIONS = new RedshiftOptions("jdbc:redshift://h:5439/dev",
      Optional.of("admin"), "arn:aws:iam::1:role/r", "public", Optional.of("RS_PASSWORD"));

  /** A JDBC connection that records what it is asked to execute. */
  private static final class Recorder {
    final List<String> executed = new ArrayList<>();
    Properties properties;
    String url;
    boolean closed;

    Connection connect(String url, Properties properties) {
      this.url = url;
      this.properties = properties;
      Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Statement.class}, (proxy, method, args) -> switch (method.getName()) {
            case "execute" -> executed.add((String) args[0]);
            default -> null;
          });
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement;
            case "close" -> {
              closed = true;
              yield null;
            }
            default -> null;
          });
    }
  }

  @Test
  void executesEveryStatementOfThePlanInOrderWithTheResolvedLogin() throws SQLException {
    Recorder recorder = new Recorder();
    RedshiftLoadPlan plan = RedshiftLoadPlan.forLake(URI.create("s3://b/lake"), OPTIONS.iamRole(), "public",
        Set.of("customers", "orders"));
    RedshiftCredentials credentials = RedshiftCredentials.resolve(OPTIONS, Map.of("RS_PASSWORD", "s3cret")::get,
        key -> Optional.empty());

    new RedshiftLoader(recorder::connect).load(plan, OPTIONS.jdbcUrl(), credentials);

    assertThat(recorder.executed).isEqualTo(plan.statements());
    assertThat(recorder.url).isEqualTo("jdbc:redshift://h:5439/dev");
    assertThat(recorder.properties).containsEntry("user", "admin").containsEntry("password", "s3cret");
    assertThat(recorder.closed).isTrue();
  }

  @Test
  void credentialsNeverShowThePassword() {
    RedshiftCredentials credentials = RedshiftCredentials.resolve(OPTIONS, Map.of("RS_PASSWORD", "s3cret")::get,
        key -> Optional.empty());

    assertThat(credentials.toString()).doesNotContain("s3cret").contains("<redacted>").contains("admin");
    assertThat(OPTIONS.toString()).doesNotContain("s3cret");
  }

  @Test
  void readsASecretsManagerJsonValueFromTheSparkConf() {
    RedshiftOptions noEnv = new RedshiftOptions(OPTIONS.jdbcUrl(), Optional.empty(), OPTIONS.iamRole(), "public", Optional.empty());
    String secret = "{\"username\":\"awsuser\",\"password\":\"p@ss{word}\"}";

    RedshiftCredentials credentials = RedshiftCredentials.resolve(noEnv, name -> null,
        key -> key.equals(RedshiftCredentials.SECRET_CONF) ? Optional.of(secret) : Optional.empty());

    assertThat(credentials.toJdbcProperties()).containsEntry("user", "awsuser").containsEntry("password", "p@ss{word}");
    assertThat(credentials.toString()).doesNotContain("p@ss");
  }

  @Test
  void withoutAnySecretTheUrlMustAuthenticateItself() {
    RedshiftOptions iam = new RedshiftOptions("jdbc:redshift:iam://h:5439/dev", Optional.of("admin"), OPTIONS.iamRole(),
        "public", Optional.empty());

    RedshiftCredentials credentials = RedshiftCredentials.resolve(iam, name -> null, key -> Optional.empty());

    assertThat(credentials.hasPassword()).isFalse();
    assertThat(credentials.toJdbcProperties()).containsOnlyKeys("user");
  }

  @Test
  void aMissingPasswordVariableFailsWithoutEchoingAnything() {
    assertThatThrownBy(() -> RedshiftCredentials.resolve(OPTIONS, name -> null, key -> Optional.empty()))
        .hasMessage("environment variable RS_PASSWORD (--redshift-password-env) is not set");
  }

  @Test
  void aBrokenJsonSecretIsNotQuotedInTheError() {
    RedshiftOptions noEnv = new RedshiftOptions(OPTIONS.jdbcUrl(), Optional.empty(), OPTIONS.iamRole(), "public", Optional.empty());
    assertThatThrownBy(() -> RedshiftCredentials.resolve(noEnv, name -> null, key -> Optional.of("{\"password\": \"leak")))
        .hasMessageNotContaining("leak");
  }
}
