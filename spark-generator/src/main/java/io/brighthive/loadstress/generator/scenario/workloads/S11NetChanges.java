package io.brighthive.loadstress.generator.scenario.workloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a version step's planted changes amount to when only the two schemas can be seen. The
 * generator may touch one column twice in a step (add then rename it, rename then retype it); a
 * schema diff sees the net effect, so planted changes are folded per column identity first.
 */
final class S11NetChanges {

  private S11NetChanges() {}

  private static final class Identity {
    final String originalName;
    final String originalType;
    final boolean addedInStep;
    String name;
    String type;
    boolean removed;

    Identity(String originalName, String originalType, boolean addedInStep) {
      this.originalName = originalName;
      this.originalType = originalType;
      this.addedInStep = addedInStep;
      this.name = originalName;
      this.type = originalType;
    }
  }

  /** The net changes of one step; {@code planted} must all have the same table and from-version, in planting order. */
  static List<S11SchemaChange> of(List<S11SchemaChange> planted) {
    Map<String, Identity> live = new LinkedHashMap<>();
    List<Identity> all = new ArrayList<>();
    for (S11SchemaChange change : planted) {
      if (change.kind().equals(S11SchemaChange.ADDED)) {
        Identity added = new Identity(change.column(), change.newType(), true);
        live.put(change.column(), added);
        all.add(added);
        continue;
      }
      Identity identity = live.get(change.column());
      if (identity == null) {
        identity = new Identity(change.column(), change.oldType(), false);
        live.put(change.column(), identity);
        all.add(identity);
      }
      switch (change.kind()) {
        case S11SchemaChange.REMOVED -> {
          identity.removed = true;
          live.remove(change.column());
        }
        case S11SchemaChange.RENAMED -> {
          live.remove(change.column());
          identity.name = change.newColumn();
          live.put(identity.name, identity);
        }
        case S11SchemaChange.RETYPED -> identity.type = change.newType();
        default -> throw new IllegalArgumentException("unknown change kind " + change.kind());
      }
    }
    if (planted.isEmpty()) {
      return List.of();
    }
    int table = planted.get(0).tableId();
    int from = planted.get(0).fromVersion();
    List<S11SchemaChange> net = new ArrayList<>();
    for (Identity id : all) {
      if (id.addedInStep) {
        if (!id.removed) {
          net.add(new S11SchemaChange(table, from, S11SchemaChange.ADDED, id.name, null, null, id.type));
        }
      } else if (id.removed) {
        net.add(new S11SchemaChange(table, from, S11SchemaChange.REMOVED, id.originalName, null, id.originalType, null));
      } else {
        if (!id.name.equals(id.originalName)) {
          net.add(new S11SchemaChange(table, from, S11SchemaChange.RENAMED, id.originalName, id.name, id.originalType,
              id.originalType));
        }
        if (!id.type.equals(id.originalType)) {
          net.add(new S11SchemaChange(table, from, S11SchemaChange.RETYPED, id.name, null, id.originalType, id.type));
        }
      }
    }
    return net;
  }
}
