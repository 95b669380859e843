package io.brighthive.loadstress.generator.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighthive.loadstress.generator.data.CatalogPlan.CatalogColumn;
import io.brighthive.loadstress.generator.data.CatalogPlan.CatalogTable;
import io.brighthive.loadstress.generator.data.CatalogPlan.SchemaChange;
import io.brighthive.loadstress.generator.data.CatalogPlan.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogPlanTest {

  private static final CatalogPlan PLAN = CatalogPlan.generate(42, 1_000, 50);

  @Test
  void isDeterministicPerSeed() {
    assertThat(CatalogPlan.generate(42, 1_000, 50)).isEqualTo(PLAN);
    assertThat(CatalogPlan.generate(43, 1_000, 50)).isNotEqualTo(PLAN);
  }

  @Test
  void spreadsAThousandTablesOverFiftySourceSystems() {
    assertThat(PLAN.tables()).hasSize(1_000);
    assertThat(PLAN.tables().stream().map(CatalogTable::tableName).distinct()).hasSize(1_000);
    assertThat(PLAN.tables().stream().map(CatalogTable::sourceSystem).distinct()).hasSize(50);
  }

  @Test
  void plantsExactlyThirtyPercentZombiesHalfNeverAccessed() {
    assertThat(PLAN.withUsage(Usage.NEVER_ACCESSED)).hasSize(150);
    assertThat(PLAN.withUsage(Usage.STALE)).hasSize(150);
    assertThat(PLAN.withUsage(Usage.ACTIVE)).hasSize(700);
  }

  @Test
  void replayingTheRecordedChangesOnVersionOneRebuildsEveryLaterVersion() {
    int checkedChanges = 0;
    for (CatalogTable table : PLAN.tables()) {
      Map<String, String> schema = asMap(table.versions().get(0));
      for (int to = 2; to <= table.currentVersion(); to++) {
        for (SchemaChange change : changesInto(table, to)) {
          apply(schema, change);
          checkedChanges++;
        }
        assertThat(schema).as("%s v%d", table.tableName(), to).isEqualTo(asMap(table.versions().get(to - 1)));
      }
    }
    assertThat(checkedChanges).isGreaterThan(1_000);
    Map<String, Long> kinds = PLAN.tables().stream().flatMap(t -> t.changes().stream())
        .collect(Collectors.groupingBy(SchemaChange::changeType, Collectors.counting()));
    assertThat(kinds).containsOnlyKeys("ADDED", "REMOVED", "RENAMED", "RETYPED");
  }

  private static List<SchemaChange> changesInto(CatalogTable table, int version) {
    return table.changes().stream().filter(c -> c.toVersion() == version).toList();
  }

  private static Map<String, String> asMap(List<CatalogColumn> columns) {
    Map<String, String> map = new LinkedHashMap<>();
    columns.forEach(c -> map.put(c.name(), c.type()));
    return map;
  }

  private static void apply(Map<String, String> schema, SchemaChange change) {
    switch (change.changeType()) {
      case "ADDED" -> assertThat(schema.put(change.columnName(), change.newType())).isNull();
      case "REMOVED" -> assertThat(schema.remove(change.columnName())).isEqualTo(change.oldType());
      case "RENAMED" -> {
        List<String> order = new ArrayList<>(schema.keySet());
        String type = schema.get(change.columnName());
        assertThat(type).isEqualTo(change.oldType());
        Map<String, String> renamed = new LinkedHashMap<>();
        order.forEach(k -> renamed.put(k.equals(change.columnName()) ? change.newColumnName() : k, schema.get(k)));
        schema.clear();
        schema.putAll(renamed);
      }
      case "RETYPED" -> {
        assertThat(schema.get(change.columnName())).isEqualTo(change.oldType());
        assertThat(change.newType()).isNotEqualTo(change.oldType());
        schema.put(change.columnName(), change.newType());
      }
      default -> throw new AssertionError(change);
    }
  }
}
