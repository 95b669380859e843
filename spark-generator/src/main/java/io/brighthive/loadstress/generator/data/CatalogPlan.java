package io.brighthive.loadstress.generator.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The catalogued tables (about 1,000 across 50 source systems) with their schema history and how
 * they are used. Small enough to build on the driver; a seeded {@link SplittableRandom} makes it
 * deterministic.
 */
public record CatalogPlan(List<CatalogTable> tables) {

  public enum Usage { ACTIVE, NEVER_ACCESSED, STALE }

  public record CatalogColumn(String name, String type, boolean nullable) {}

  public record SchemaChange(
      int fromVersion, int toVersion, String changeType, String columnName,
      String newColumnName, String oldType, String newType) {}

  public record CatalogTable(
      int tableId, String tableName, String sourceSystem, String ownerTeam, LocalDate createdAt,
      List<List<CatalogColumn>> versions, List<SchemaChange> changes, Usage usage) {

    public int currentVersion() {
      return versions.size();
    }
  }

  /** Share of tables planted as unused: half never queried, half only long ago. */
  public static final double ZOMBIE_SHARE = 0.30;

  private static final long SALT = 0x63617461_6c6f6721L;
  private static final String[] SYSTEM_KINDS = {
    "salesforce", "sap", "netsuite", "hubspot", "zendesk", "stripe", "postgres", "mysql", "oracle",
    "mongodb"
  };
  private static final String[] ENTITIES = {
    "accounts", "contacts", "invoices", "invoice_lines", "payments", "shipments", "tickets",
    "subscriptions", "leads", "opportunities", "products", "inventory", "employees", "campaigns",
    "sessions", "refunds", "vendors", "contracts", "assets", "audit_log"
  };
  private static final String[] TEAMS = {"finance", "sales-ops", "marketing", "support", "data-platform", "logistics"};

  public static CatalogPlan generate(long seed, int tableCount, int systemCount) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    List<String> systems = new ArrayList<>();
    for (int i = 0; i < systemCount; i++) {
      systems.add(SYSTEM_KINDS[i % SYSTEM_KINDS.length] + "_" + (i / SYSTEM_KINDS.length + 1));
    }
    List<Usage> usages = usages(random, tableCount);
    List<CatalogTable> tables = new ArrayList<>();
    for (int i = 0; i < tableCount; i++) {
      String system = systems.get(i % systemCount);
      String name = system + "." + ENTITIES[random.nextInt(ENTITIES.length)] + "_" + String.format("%04d", i);
      SchemaHistory history = SchemaHistory.generate(random);
      tables.add(new CatalogTable(i + 1, name, system, TEAMS[random.nextInt(TEAMS.length)],
          TimeWindow.DIMENSIONS_START.plusDays(random.nextInt(3000)),
          history.versions(), history.changes(), usages.get(i)));
    }
    return new CatalogPlan(List.copyOf(tables));
  }

  private static List<Usage> usages(SplittableRandom random, int tableCount) {
    int zombies = (int) Math.round(tableCount * ZOMBIE_SHARE);
    List<Usage> usages = new ArrayList<>();
    for (int i = 0; i < tableCount; i++) {
      usages.add(i < zombies / 2 ? Usage.NEVER_ACCESSED : i < zombies ? Usage.STALE : Usage.ACTIVE);
    }
    for (int i = tableCount - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      usages.set(i, usages.set(j, usages.get(i)));
    }
    return usages;
  }

  public List<CatalogTable> withUsage(Usage usage) {
    return tables.stream().filter(t -> t.usage() == usage).toList();
  }
}
