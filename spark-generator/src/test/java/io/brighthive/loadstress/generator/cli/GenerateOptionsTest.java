package io.brighthive.loadstress.generator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighthive.loadstress.generator.data.DatasetId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateOptionsTest {

  private static GenerateOptions parse(String... args) {
    return GenerateOptions.parse(List.of(args));
  }

  @Test
  void parsesTheDocumentedOptionsWithDefaults() {
    GenerateOptions options = parse("--lake", "s3://bucket/lake", "--records", "1_000_000", "--seed=42");

    assertThat(options.lake()).isEqualTo("s3://bucket/lake");
    assertThat(options.records()).isEqualTo(1_000_000);
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.datasets()).isEqualTo(EnumSet.allOf(DatasetId.class));
    assertThat(options.conflictRate()).isEqualTo(0.15);
    assertThat(options.force()).isFalse();
    assertThat(options.redshift()).isEmpty();
  }

  @Test
  void parsesDatasetsForceConflictRateAndRedshift() {
    GenerateOptions options = parse("--lake", "/tmp/l", "--records", "10", "--seed", "-3",
        "--datasets", "orders, customers", "--force", "--conflict-rate", "0.3",
        "--redshift-jdbc-url", "jdbc:redshift://h:5439/dev", "--redshift-iam-role", "arn:aws:iam::1:role/r",
        "--redshift-user", "admin", "--redshift-password-env", "RS_PASSWORD");

    assertThat(options.datasets()).containsExactlyInAnyOrder(DatasetId.ORDERS, DatasetId.CUSTOMERS);
    assertThat(options.seed()).isEqualTo(-3);
    assertThat(options.force()).isTrue();
    assertThat(options.conflictRate()).isEqualTo(0.3);
    assertThat(options.redshift()).hasValueSatisfying(r -> {
      assertThat(r.jdbcUrl()).isEqualTo("jdbc:redshift://h:5439/dev");
      assertThat(r.user()).contains("admin");
      assertThat(r.passwordEnv()).contains("RS_PASSWORD");
      assertThat(r.schema()).isEqualTo("public");
    });
  }

  @Test
  void rejectsNegativeRecords() {
    assertThatThrownBy(() -> parse("--lake", "/tmp/l", "--records", "-5", "--seed", "1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--records must be between 1 and 1000000000000, got -5");
  }

  @Test
  void rejectsAMissingLake() {
    assertThatThrownBy(() -> parse("--records", "5", "--seed", "1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("missing required option --lake");
  }

  @Test
  void rejectsAnUnknownDatasetNamingTheKnownOnes() {
    assertThatThrownBy(() -> parse("--lake", "/tmp/l", "--records", "5", "--seed", "1", "--datasets", "orders,invoices"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("unknown dataset 'invoices'; known datasets: customers, products, orders");
  }

  @Test
  void rejectsOtherBadInput() {
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "ten", "--seed", "1"))
        .hasMessage("--records must be a whole number, got 'ten'");
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "5", "--seed", "1", "--conflict-rate", "1.5"))
        .hasMessage("--conflict-rate must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "5", "--seed", "1", "--color", "red"))
        .hasMessage("unknown option --color");
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "5"))
        .hasMessage("missing required option --seed");
    assertThatThrownBy(() -> parse("--lake", "--records", "5", "--seed", "1"))
        .hasMessage("option --lake needs a value");
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "5", "--seed", "1", "--datasets", " , "))
        .hasMessageStartingWith("--datasets names no dataset");
  }

  @Test
  void refusesPasswordsInTheJdbcUrlAndStrayRedshiftOptions() {
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "5", "--seed", "1",
        "--redshift-jdbc-url", "jdbc:redshift://h:5439/dev?password=hunter2", "--redshift-iam-role", "arn:aws:iam::1:role/r"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--redshift-jdbc-url must not contain a password")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "5", "--seed", "1", "--redshift-user", "admin"))
        .hasMessage("--redshift-* options need --redshift-jdbc-url");
    assertThatThrownBy(() -> parse("--lake", "/l", "--records", "5", "--seed", "1",
        "--redshift-jdbc-url", "jdbc:redshift://h:5439/dev"))
        .hasMessage("missing required option --redshift-iam-role");
  }
}
