package io.brighthive.loadstress.generator.scenario;

import io.brighthive.loadstress.generator.scenario.workloads.S01TokenOverflow;
import io.brighthive.loadstress.generator.scenario.workloads.S02ConflictResolution;
import io.brighthive.loadstress.generator.scenario.workloads.S03ContextGeneration;
import io.brighthive.loadstress.generator.scenario.workloads.S04LineageTraversal;
import io.brighthive.loadstress.generator.scenario.workloads.S05QualityScores;
import io.brighthive.loadstress.generator.scenario.workloads.S06TimeTravel;
import io.brighthive.loadstress.generator.scenario.workloads.S07JoinPathDiscovery;
import io.brighthive.loadstress.generator.scenario.workloads.S08WarehouseAnalytics;
import io.brighthive.loadstress.generator.scenario.workloads.S09StreamingIngestion;
import io.brighthive.loadstress.generator.scenario.workloads.S10IncrementalMaterialization;
import io.brighthive.loadstress.generator.scenario.workloads.S11SchemaEvolution;
import io.brighthive.loadstress.generator.scenario.workloads.S12NeedleSearch;
import io.brighthive.loadstress.generator.scenario.workloads.S13InsightDiscovery;
import io.brighthive.loadstress.generator.scenario.workloads.S14NaturalLanguageQuery;
import io.brighthive.loadstress.generator.scenario.workloads.S15PiiDetection;
import io.brighthive.loadstress.generator.scenario.workloads.S16ZombieTables;
import java.util.Map;
import java.util.function.Supplier;

/** The workload class of each catalog id. */
public final class Scenarios {

  private static final Map<String, Supplier<Scenario>> WORKLOADS = Map.ofEntries(
      Map.entry("S01", S01TokenOverflow::new),
      Map.entry("S02", S02ConflictResolution::new),
      Map.entry("S03", S03ContextGeneration::new),
      Map.entry("S04", S04LineageTraversal::new),
      Map.entry("S05", S05QualityScores::new),
      Map.entry("S06", S06TimeTravel::new),
      Map.entry("S07", S07JoinPathDiscovery::new),
      Map.entry("S08", S08WarehouseAnalytics::new),
      Map.entry("S09", S09StreamingIngestion::new),
      Map.entry("S10", S10IncrementalMaterialization::new),
      Map.entry("S11", S11SchemaEvolution::new),
      Map.entry("S12", S12NeedleSearch::new),
      Map.entry("S13", S13InsightDiscovery::new),
      Map.entry("S14", S14NaturalLanguageQuery::new),
      Map.entry("S15", S15PiiDetection::new),
      Map.entry("S16", S16ZombieTables::new));

  private Scenarios() {}

  /** A new instance of the scenario's workload. */
  public static Scenario create(String id) {
    Supplier<Scenario> workload = WORKLOADS.get(id);
    if (workload == null) {
      throw new IllegalArgumentException("no workload for scenario " + id);
    }
    return workload.get();
  }
}
