package io.brighthive.loadstress.generator.scenario.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.scenario.workloads.S11SchemaDiff.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class S11SchemaDiffTest {

  private static final List<Column> V1 = List.of(new Column("id", "bigint"), new Column("created_at", "timestamp"),
      new Column("amount", "double"), new Column("status", "varchar(64)"), new Column("email", "varchar(255)"));

  private static List<String> diff(List<Column> after) {
    return S11SchemaDiff.diff(7, 1, V1, after).stream().map(S11SchemaChange::key).sorted().toList();
  }

  @Test
  void findsEachKindOfChange() {
    assertThat(diff(List.of(V1.get(0), V1.get(1), new Column("amount", "decimal(18,2)"), V1.get(3), V1.get(4),
        new Column("region", "date")))).containsExactly("7/1/ADDED/region/", "7/1/RETYPED/amount/double->decimal(18,2)");
    assertThat(diff(List.of(V1.get(0), V1.get(1), V1.get(2), V1.get(4)))).containsExactly("7/1/REMOVED/status/");
    assertThat(diff(List.of(V1.get(0), V1.get(1), V1.get(2), new Column("status_v2", "varchar(64)"), V1.get(4))))
        .containsExactly("7/1/RENAMED/status/status_v2");
  }

  @Test
  void aRenamedAndRetypedColumnIsBothAndAnUnrelatedReplacementIsNotARename() {
    assertThat(diff(List.of(V1.get(0), V1.get(1), V1.get(2), new Column("status_v2", "boolean"), V1.get(4))))
        .containsExactly("7/1/RENAMED/status/status_v2", "7/1/RETYPED/status_v2/varchar(64)->boolean");
    assertThat(diff(List.of(V1.get(0), V1.get(1), V1.get(2), V1.get(3), new Column("tier", "varchar(255)"))))
        .containsExactly("7/1/ADDED/tier/", "7/1/REMOVED/email/");
  }

  @Test
  void plantedChangesAreFoldedIntoWhatADiffCanSee() {
    List<S11SchemaChange> step = List.of(
        new S11SchemaChange(7, 1, "ADDED", "price", null, null, "double"),
        new S11SchemaChange(7, 1, "RENAMED", "price", "price_v2", "double", "double"),
        new S11SchemaChange(7, 1, "RENAMED", "status", "status_v2", "varchar(64)", "varchar(64)"),
        new S11SchemaChange(7, 1, "RETYPED", "status_v2", null, "varchar(64)", "boolean"),
        new S11SchemaChange(7, 1, "ADDED", "tax", null, null, "double"),
        new S11SchemaChange(7, 1, "REMOVED", "tax", null, "double", null),
        new S11SchemaChange(7, 1, "RETYPED", "amount", null, "double", "date"),
        new S11SchemaChange(7, 1, "RETYPED", "amount", null, "date", "double"));

    assertThat(S11NetChanges.of(step).stream().map(S11SchemaChange::key).sorted().toList()).containsExactly(
        "7/1/ADDED/price_v2/", "7/1/RENAMED/status/status_v2", "7/1/RETYPED/status_v2/varchar(64)->boolean");
  }
}
