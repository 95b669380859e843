package io.brighthive.loadstress.generator.scenario.workloads;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.brighthive.loadstress.generator.lake.OutputStats;
import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import io.brighthive.loadstress.generator.scenario.workloads.S01TableProfiler.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * S01 Massive token overflow: profiles every table of the lake, renders the profile as prioritised
 * facts, and packs what fits the token budget (counted with the cl100k_base BPE of jtokkit). The
 * deterministic packer stands in for the source's LLM summary. Each table's profiled row count is
 * checked against the generator's manifest, so a profile of the wrong data cannot pass.
 */
public final class S01TokenOverflow implements Scenario {

  @Override
  public String id() {
    return "S01";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) {
    long bytes = context.manifest().tables().stream().mapToLong(OutputStats::bytes).max().orElse(0);
    try (SizedShuffle shuffle = SizedShuffle.forBytes(context.spark(), bytes)) {
      profile(context, outcome);
    }
  }

  private void profile(ScenarioContext context, ScenarioOutcome outcome) {
    int budget = context.parameters().intValue("tokenBudget");
    int topValues = context.parameters().intValue("topValues");
    int sampleRows = context.parameters().intValue("sampleRows");
    List<S01Fact> facts = new ArrayList<>();
    int accurate = 0;
    int columns = 0;
    List<String> mismatches = new ArrayList<>();
    for (OutputStats table : context.manifest().tables()) {
      TableProfile profile = S01TableProfiler.profile(table.name(), context.table(table.name()), topValues, sampleRows);
      outcome.addRecords(profile.rows() * profile.scans()).addBytes(context.tableBytes(table.name()) * profile.scans());
      columns += profile.columns().size();
      if (profile.rows() == table.rows()) {
        accurate++;
      } else {
        mismatches.add(table.name() + ": profiled " + profile.rows() + " rows, the manifest says " + table.rows());
      }
      facts.addAll(S01ProfileFacts.of(profile));
    }
    Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    S01ContextBuilder builder = new S01ContextPacker(encoding::countTokens);
    S01ContextPacker.Packed packed = builder.build(facts, budget);

    long topFacts = facts.stream().filter(f -> f.priority() == S01Fact.TOP).count();
    int tables = context.manifest().tables().size();
    Map<String, Long> included = new TreeMap<>();
    Map<String, Long> dropped = new TreeMap<>();
    packed.included().forEach(f -> included.merge("p" + f.priority(), 1L, Long::sum));
    packed.dropped().forEach(f -> dropped.merge("p" + f.priority(), 1L, Long::sum));
    int fullTokens = encoding.countTokens(String.join("\n", facts.stream().map(S01Fact::text).toList()) + "\n");
    outcome.measured("tokensOverBudget", Math.max(0, packed.documentTokens() - budget))
        .measured("topPriorityCoverage", topFacts == 0 ? 0 : (double) packed.includedAt(S01Fact.TOP) / topFacts)
        .measured("profileAccuracy", tables == 0 ? 0 : (double) accurate / tables)
        .detail("tables", tables)
        .detail("columns", columns)
        .detail("facts", facts.size())
        .detail("fullProfileTokens", fullTokens)
        .detail("contextTokens", packed.documentTokens())
        .detail("tokenBudget", budget)
        .detail("factsIncludedByPriority", included)
        .detail("factsDroppedByPriority", dropped)
        .detail("rowCountMismatches", mismatches)
        .detail("contextPreview", packed.document().substring(0, Math.min(600, packed.document().length())));
  }
}
