package io.brighthive.loadstress.generator.redshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The JDBC login. The password comes from, in order: the environment variable named by
 * {@code --redshift-password-env}; the Spark conf {@value #SECRET_CONF} (on EMR Serverless set it to
 * {@code EMR.secret@<secret-id>} and EMR resolves it at run time); or nowhere, for an
 * {@code jdbc:redshift:iam://} URL. A Secrets Manager JSON value ({"username":…,"password":…}) is
 * understood too. {@link #toString()} never shows the password.
 */
public final class RedshiftCredentials {

  public static final String SECRET_CONF = "spark.loadstress.redshift.secret";

  private final Optional<String> user;
  private final Optional<String> password;

  private RedshiftCredentials(Optional<String> user, Optional<String> password) {
    this.user = user;
    this.password = password;
  }

  public static RedshiftCredentials resolve(
      RedshiftOptions options, Function<String, String> environment, Function<String, Optional<String>> sparkConf) {
    Optional<String> secret;
    if (options.passwordEnv().isPresent()) {
      String variable = options.passwordEnv().get();
      String value = environment.apply(variable);
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException("environment variable " + variable + " (--redshift-password-env) is not set");
      }
      secret = Optional.of(value);
    } else {
      secret = sparkConf.apply(SECRET_CONF).filter(s -> !s.isEmpty());
    }
    Optional<String> user = options.user();
    Optional<String> password = secret;
    if (secret.isPresent() && secret.get().trim().startsWith("{")) {
      JsonNode json = parse(secret.get());
      password = Optional.ofNullable(json.path("password").textValue());
      if (user.isEmpty()) {
        user = Optional.ofNullable(json.path("username").textValue());
      }
    }
    return new RedshiftCredentials(user, password);
  }

  public Properties toJdbcProperties() {
    Properties properties = new Properties();
    user.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
    return properties;
  }

  public Optional<String> user() {
    return user;
  }

  public boolean hasPassword() {
    return password.isPresent();
  }

  @Override
  public String toString() {
    return "RedshiftCredentials[user=" + user.orElse("<none>")
        + ", password=" + (password.isPresent() ? "<redacted>" : "<none>") + "]";
  }

  private static JsonNode parse(String secret) {
    try {
      return new ObjectMapper().readTree(secret);
    } catch (IOException e) {
      // The message of a JSON parse error can quote the input: do not pass it on.
      throw new IllegalStateException("the Redshift secret looks like JSON but does not parse");
    }
  }
}
