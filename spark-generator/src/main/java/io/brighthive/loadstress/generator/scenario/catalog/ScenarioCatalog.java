package io.brighthive.loadstress.generator.scenario.catalog;

import static io.brighthive.loadstress.generator.scenario.catalog.ParameterDefinition.choice;
import static io.brighthive.loadstress.generator.scenario.catalog.ParameterDefinition.integer;
import static io.brighthive.loadstress.generator.scenario.catalog.ParameterDefinition.number;
import static io.brighthive.loadstress.generator.scenario.catalog.SloDefinition.atLeast;
import static io.brighthive.loadstress.generator.scenario.catalog.SloDefinition.atMost;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The 16 stress scenarios: the one list that both the job ({@code scenario --id Sxx}) and the
 * operator (validating a ScenarioRun before it submits anything) read. Plain Java, no Spark, so
 * the operator can load it. Default SLO targets hold at subset scale (1M records) in Spark local
 * mode on 2 cores; README.md's scenario table shows what was measured against them.
 */
public final class ScenarioCatalog {

  private static final String WAREHOUSE = "warehouse";
  private static final List<String> WAREHOUSES = List.of("auto", "duckdb", "spark");

  private static final List<ScenarioDefinition> SCENARIOS = List.of(
      new ScenarioDefinition("S01", "Massive token overflow",
          "Profiles every table (row counts, column statistics, top values, samples), then packs the facts that fit a token budget"
              + " by priority (tables, keys and columns first), counting tokens with a real BPE tokenizer (jtokkit, cl100k_base);"
              + " each profiled row count must equal the manifest's",
          List.of(
              integer("tokenBudget", 6_000, 100, 1_000_000, "Largest context, in cl100k_base tokens"),
              integer("topValues", 10, 1, 50, "Most frequent values kept per low-cardinality column"),
              integer("sampleRows", 10, 0, 100, "Sample rows per table")),
          List.of(
              atMost("tokensOverBudget", 0, "tokens", "Tokens of the packed context beyond the budget"),
              atLeast("topPriorityCoverage", 1.0, "ratio", "Share of the top-priority facts (each table's rows, key and columns)"
                  + " in the context"),
              atLeast("profileAccuracy", 1.0, "ratio", "Tables whose profiled row count equals the generator's manifest"),
              atMost("durationSeconds", 300, "s", "Profiling and packing time")),
          "Deterministic summariser (priority packing of profile facts) in place of the source's LLM summary"),
      new ScenarioDefinition("S02", "Multi-source conflict resolution",
          "Finds field values that disagree across the CRM, ERP and legacy sources per entity (source date formats normalised"
              + " first), resolves them by per-field authority and source priority, writes golden records with provenance, and"
              + " scores precision and recall against the planted conflicts",
          List.of(
              ParameterDefinition.text("sourcePriority", "CRM>ERP>LEGACY", "Which source wins a conflict, first to last"),
              ParameterDefinition.text("fieldAuthority", "annual_revenue=ERP", "Per-field authorities that win before the priority, such as"
                  + " annual_revenue=ERP;phone=LEGACY>CRM, or none")),
          List.of(
              atLeast("precision", 1.0, "ratio", "Detected conflicts that were planted (detection is exact, so 1)"),
              atLeast("recall", 1.0, "ratio", "Planted conflicts that were detected"),
              atLeast("resolutionAccuracy", 1.0, "ratio", "Resolved values equal to what the policy picks from the ground"
                  + " truth's per-source values")),
          ""),
      new ScenarioDefinition("S03", "Warehouse context generation",
          "Writes a context document (overview, schema, history, usage, relationships) for each catalogued table (about 1,000)"
              + " and a relationship map between them; documents are checked against the catalog and the planted zombie tables",
          List.of(integer("tables", 1_000, 1, 1_000_000, "Catalogued tables to document (the first N by id)")),
          List.of(
              atLeast("completeness", 1.0, "ratio", "Documents that carry every required section"),
              atLeast("accuracy", 1.0, "ratio", "Documents whose columns, versions and usage status agree with the catalog and"
                  + " the ground truth"),
              atMost("msPerTable", 50, "ms", "Generation time per table")),
          "Template-based documents behind one renderer in place of the source's LLM-written ones"),
      new ScenarioDefinition("S04", "Lineage graph traversal",
          "Upstream, downstream and impact queries over the ~50K-node lineage graph",
          List.of(integer("queries", 200, 1, 100_000, "Traversal queries to time")),
          List.of(
              atMost("p95LatencyMs", 100, "ms", "95th percentile latency of one traversal (in memory, after loading the graph)"),
              atLeast("correctness", 1.0, "ratio", "Answers equal to the ground-truth closures")),
          ""),
      new ScenarioDefinition("S05", "Quality score computation",
          "Completeness, uniqueness, validity, freshness and referential-integrity scores per table and column against declared"
              + " rules, one SQL statement per table through the warehouse; plants duplicates, missing values, invalid values,"
              + " future timestamps and orphans (seeded) and must find exactly those",
          List.of(
              integer("defectsPerKind", 3, 1, 1_000, "Rows spoiled for each of the 12 planted defect kinds"),
              number("freshnessDays", 2, 0.01, 3_650, "A table whose newest row is older than this loses freshness score"),
              integer("concurrency", 3, 1, 64, "Tables scored side by side on Spark SQL (DuckDB runs one statement at a time)"),
              choice(WAREHOUSE, "auto", WAREHOUSES, "Scoring engine: DuckDB over the lake's Parquet (local), Spark SQL, or auto")),
          List.of(
              atLeast("recordsPerSecond", 278_000, "records/s", "Records scored per second, planting excluded"
                  + " (1B records/hour = 278K/s)"),
              atLeast("defectRecall", 1.0, "ratio", "Planted defective rows found"),
              atLeast("defectPrecision", 1.0, "ratio", "Reported defective rows that were planted")),
          ""),
      new ScenarioDefinition("S06", "Time-travel queries",
          "Writes the orders into an Apache Iceberg table in versions (seeded appends, then a row-level delete) and queries it as of"
              + " earlier snapshots (VERSION AS OF and TIMESTAMP AS OF); every answer is checked against the source rows",
          List.of(
              integer("versions", 5, 2, 100, "Snapshots written before querying: versions - 1 appends and one delete"),
              integer("queries", 20, 1, 10_000, "As-of queries to time")),
          List.of(
              atLeast("correctness", 1.0, "ratio", "As-of answers equal to the expected ones"),
              atMost("p95LatencyMs", 3_000, "ms", "95th percentile latency of one as-of query")),
          ""),
      new ScenarioDefinition("S07", "Join path discovery",
          "Infers join keys between tables from names and value overlap (the generator's foreign keys plus a planted table with"
              + " unhelpfully named references and a decoy), finds the shortest join path between every joined table pair and runs it",
          List.of(integer("sampleValues", 200, 20, 100_000, "Distinct values sampled per candidate column for the overlap test")),
          List.of(
              atLeast("precision", 0.9, "ratio", "Inferred relationships that are real"),
              atLeast("recall", 0.9, "ratio", "Real relationships that were inferred"),
              atLeast("pathRecall", 1.0, "ratio", "Joined table pairs whose inferred shortest path has the planted length and keeps every row")),
          "Name and value-overlap heuristics (deterministic) in place of an LLM's join suggestions"),
      new ScenarioDefinition("S08", "Warehouse-wide analytics",
          "A suite of aggregation queries over the star schema (revenue by month, segment and region; top customers; cohorts)",
          List.of(
              integer("iterations", 3, 1, 1_000, "Times the whole suite runs"),
              choice(WAREHOUSE, "auto", WAREHOUSES, "Query engine: DuckDB over the lake's Parquet (local), Spark SQL, or auto")),
          List.of(
              atMost("p50LatencyMs", 1_000, "ms", "Median query latency"),
              atMost("p95LatencyMs", 3_000, "ms", "95th percentile query latency")),
          ""),
      new ScenarioDefinition("S09", "Real-time streaming ingestion",
          "Structured Streaming of the event stream into the lake at a target rate (a rate source standing for the events, looked"
              + " up in the events table, appended to Parquet once a second); sustained rate and end-to-end latency",
          List.of(
              integer("eventsPerSecond", 10_000, 1, 10_000_000, "Target ingestion rate"),
              integer("durationSeconds", 30, 5, 86_400, "How long the stream runs")),
          List.of(
              atLeast("sustainedRatio", 0.95, "ratio", "Events committed per second between the first and last commit, over the target rate"),
              // A 1 s trigger; on 2 shared cores a micro-batch (lookup and Parquet commit) takes 1-2 s, so the queue
              // behind it grows under load: measured p95 3.1 s on a quiet machine, 6-9 s at load 5-6.
              atMost("p95EndToEndLatencyMs", 10_000, "ms", "95th percentile from the event's emission to its batch committed in the lake")),
          ""),
      new ScenarioDefinition("S10", "Incremental materialization",
          "Keeps aggregate tables up to date as new batches arrive; the result must equal a full recompute",
          List.of(
              integer("batches", 5, 1, 1_000, "New batches of orders applied incrementally"),
              number("batchFraction", 0.02, 0.0001, 0.5, "Share of the orders in each new batch (the newest orders arrive last)")),
          List.of(
              atLeast("matchesFullRecompute", 1.0, "ratio", "Share of batches after which the incremental aggregates equal a full recompute"),
              atLeast("speedup", 1.0, "x", "Mean full recompute time over mean incremental update time; at 1M orders Spark's fixed"
                  + " cost per job (about 1 s on 2 cores) bounds it near 1.2-1.8, and it grows with the data")),
          ""),
      new ScenarioDefinition("S11", "Schema evolution detection",
          "Compares schema versions across 50 sources: added, removed, renamed and retyped columns against the planted changes",
          List.of(),
          List.of(
              atLeast("precision", 0.99, "ratio", "Detected changes that were planted"),
              atLeast("recall", 0.99, "ratio", "Planted changes that were detected")),
          ""),
      new ScenarioDefinition("S12", "Distributed needle search",
          "Looks up the planted needle markers plus as many decoy markers across every table: tables without text are pruned,"
              + " only text columns are read, a substring test and a broadcast Bloom filter of the wanted markers drop the rows before"
              + " an exact check; the screening rate is extrapolated to 1 trillion records on full-mode capacity (20 x 16 vCPU,"
              + " linear per-vCPU scaling assumed)",
          List.of(),
          List.of(
              atLeast("needlesFound", 1.0, "ratio", "Planted needles located at their table, row and column"),
              atMost("falseMatches", 0, "matches", "Locations reported that are not planted needles (decoys included)"),
              atLeast("recordsPerSecond", 50_000, "records/s", "Records screened per second (screen phase only)")),
          ""),
      new ScenarioDefinition("S13", "Cross-asset insight discovery",
          "Finds correlations between per-customer measures of different tables (orders, support tickets, events, customers) and"
              + " spikes in orders per day and events per hour; scored against the activity correlations that the generator's shared"
              + " customer skew plants and the order and event bursts that the run plants in its scratch folder (seeded)",
          List.of(
              number("minCorrelation", 0.5, 0.0, 1.0, "Smallest |Pearson r| reported as a correlation"),
              number("spikeRatio", 2.5, 1.1, 100.0, "A bucket at least this many times (or at most 1/this) its neighbours' median is an anomaly")),
          List.of(
              atLeast("recall", 0.8, "ratio", "Planted insights found"),
              atLeast("precision", 0.8, "ratio", "Reported insights that were planted")),
          "Statistical detectors (Pearson correlation across tables, median-ratio spike detection) in place of the source's LLM"
              + " insight generation"),
      new ScenarioDefinition("S14", "Natural-language query",
          "Translates a fixed set of 15 questions (paraphrases included) to SQL and runs them through the warehouse; each"
              + " question's translate-and-run time is one latency, and its answer must equal the ground-truth SQL's on the same engine",
          List.of(
              integer("iterations", 3, 1, 1_000, "Times the whole question set is asked"),
              choice(WAREHOUSE, "auto", WAREHOUSES, "Query engine: DuckDB over the lake's Parquet (local), Spark SQL, or auto")),
          List.of(
              atMost("p95LatencyMs", 5_000, "ms", "95th percentile end-to-end latency (translate and run)"),
              atLeast("accuracy", 1.0, "ratio", "Answers equal to the ground-truth SQL's")),
          "Rule-based translator (S14RuleBasedTranslator: normalised question, pattern rules, SQL templates) behind the"
              + " S14Translator interface, in place of an LLM agent endpoint"),
      new ScenarioDefinition("S15", "PII detection at scale",
          "Scans every string column of every table in one pass per table for e-mails, phone numbers, Luhn-checked card numbers"
              + " and US SSNs (area, group and serial rules); columns that are mostly whole PII values are classified as structured PII"
              + " columns, values inside other text are scored against the planted PII, and flagged decoys count as false positives",
          List.of(),
          List.of(
              atLeast("precision", 0.99, "ratio", "Value detections in free text that are planted PII"),
              atLeast("recall", 0.99, "ratio", "Planted PII values detected"),
              atLeast("recordsPerSecond", 10_000, "records/s", "Records scanned per second")),
          ""),
      new ScenarioDefinition("S16", "Zombie-table detection",
          "Flags catalogued tables never queried, or last queried more than staleAfterDays before the generated world's now"
              + " (2025-01-01), from the query logs and the catalog; sums the storage they hold from per-table storage statistics"
              + " that the run plants in its scratch folder (the catalog has no sizes) and scores the flags against the planted zombies",
          List.of(integer("staleAfterDays", 90, 1, 3_650, "A table last queried longer ago than this is a zombie")),
          List.of(
              atLeast("precision", 0.95, "ratio", "Flagged tables that are planted zombies"),
              atLeast("recall", 0.95, "ratio", "Planted zombies flagged")),
          ""));

  private ScenarioCatalog() {}

  public static List<ScenarioDefinition> all() {
    return SCENARIOS;
  }

  public static Optional<ScenarioDefinition> find(String id) {
    return SCENARIOS.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The scenario, or a {@link CatalogException} that lists the ids. */
  public static ScenarioDefinition get(String id) {
    return find(id).orElseThrow(() -> new CatalogException("unknown scenario '" + id + "'; the scenarios are "
        + SCENARIOS.stream().map(ScenarioDefinition::id).collect(Collectors.joining(", "))));
  }
}
