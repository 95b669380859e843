package io.brighthive.loadstress.generator.redshift;

import java.util.Optional;

/**
 * Where and how to load the warehouse into Redshift. Holds no password: that comes at run time from
 * an environment variable or a Spark conf (see {@link RedshiftCredentials}).
 */
public record RedshiftOptions(
    String jdbcUrl, Optional<String> user, String iamRole, String schema, Optional<String> passwordEnv) {

  public static final String DEFAULT_SCHEMA = "public";
}
