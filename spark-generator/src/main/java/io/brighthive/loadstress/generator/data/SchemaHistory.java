package io.brighthive.loadstress.generator.data;

import io.brighthive.loadstress.generator.data.CatalogPlan.CatalogColumn;
import io.brighthive.loadstress.generator.data.CatalogPlan.SchemaChange;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Versions 1..k of one table's schema; each step plants 1-3 recorded changes. */
record SchemaHistory(List<List<CatalogColumn>> versions, List<SchemaChange> changes) {

  static final String ADDED = "ADDED";
  static final String REMOVED = "REMOVED";
  static final String RENAMED = "RENAMED";
  static final String RETYPED = "RETYPED";

  private static final String[] TYPES = {
    "bigint", "integer", "varchar(64)", "varchar(255)", "decimal(18,2)", "decimal(38,6)", "date",
    "timestamp", "boolean", "double"
  };
  private static final String[] NAMES = {
    "name", "status", "amount", "currency", "country", "city", "postal_code", "email", "phone",
    "owner_id", "account_id", "parent_id", "quantity", "price", "discount", "tax", "total",
    "description", "category", "channel", "source", "score", "is_active", "is_deleted", "due_date",
    "closed_at", "opened_at", "region", "segment", "tier", "notes", "external_ref", "version_tag",
    "priority", "language", "timezone", "balance", "credit_limit", "margin", "weight"
  };
  private static final int MAX_VERSIONS = 5;

  static SchemaHistory generate(SplittableRandom random) {
    List<CatalogColumn> current = new ArrayList<>(List.of(
        new CatalogColumn("id", "bigint", false),
        new CatalogColumn("created_at", "timestamp", false),
        new CatalogColumn("updated_at", "timestamp", true)));
    int extra = 4 + random.nextInt(30);
    while (current.size() < 3 + extra) {
      current.add(newColumn(random, current));
    }
    List<List<CatalogColumn>> versions = new ArrayList<>(List.of(List.copyOf(current)));
    List<SchemaChange> changes = new ArrayList<>();
    int versionCount = 1 + random.nextInt(MAX_VERSIONS);
    for (int to = 2; to <= versionCount; to++) {
      int changeCount = 1 + random.nextInt(3);
      for (int c = 0; c < changeCount; c++) {
        changes.add(applyChange(random, current, to));
      }
      versions.add(List.copyOf(current));
    }
    return new SchemaHistory(List.copyOf(versions), List.copyOf(changes));
  }

  private static SchemaChange applyChange(SplittableRandom random, List<CatalogColumn> columns, int to) {
    String kind = new String[] {ADDED, REMOVED, RENAMED, RETYPED}[random.nextInt(4)];
    if (kind.equals(ADDED) || columns.size() <= 4) {
      CatalogColumn added = newColumn(random, columns);
      columns.add(added);
      return new SchemaChange(to - 1, to, ADDED, added.name(), null, null, added.type());
    }
    // The three audit columns at the front stay stable: only later columns change.
    int index = 3 + random.nextInt(columns.size() - 3);
    CatalogColumn old = columns.get(index);
    switch (kind) {
      case REMOVED -> {
        columns.remove(index);
        return new SchemaChange(to - 1, to, REMOVED, old.name(), null, old.type(), null);
      }
      case RENAMED -> {
        String name = freshName(columns, old.name() + "_v" + to);
        columns.set(index, new CatalogColumn(name, old.type(), old.nullable()));
        return new SchemaChange(to - 1, to, RENAMED, old.name(), name, old.type(), old.type());
      }
      default -> {
        String type = otherType(random, old.type());
        columns.set(index, new CatalogColumn(old.name(), type, old.nullable()));
        return new SchemaChange(to - 1, to, RETYPED, old.name(), null, old.type(), type);
      }
    }
  }

  private static CatalogColumn newColumn(SplittableRandom random, List<CatalogColumn> columns) {
    String base = NAMES[random.nextInt(NAMES.length)];
    return new CatalogColumn(freshName(columns, base),
        TYPES[random.nextInt(TYPES.length)], random.nextInt(4) != 0);
  }

  private static String freshName(List<CatalogColumn> columns, String base) {
    String name = base;
    int suffix = 2;
    while (contains(columns, name)) {
      name = base + "_" + suffix++;
    }
    return name;
  }

  private static boolean contains(List<CatalogColumn> columns, String name) {
    return columns.stream().anyMatch(c -> c.name().equals(name));
  }

  private static String otherType(SplittableRandom random, String type) {
    String other = type;
    while (other.equals(type)) {
      other = TYPES[random.nextInt(TYPES.length)];
    }
    return other;
  }
}
