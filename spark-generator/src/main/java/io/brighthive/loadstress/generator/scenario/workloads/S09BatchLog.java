package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The committed micro-batches of S09 (batch id, commit time, ticks read) and what they add up to.
 * Only rows of batches logged here count: a batch that the stop interrupted committed nothing.
 */
final class S09BatchLog implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ConcurrentSkipListMap<Long, long[]> batches = new ConcurrentSkipListMap<>();

  void committed(long batchId, long commitMillis, long ticks) {
    batches.put(batchId, new long[] {commitMillis, ticks});
  }

  Map<Long, long[]> entries() {
    return batches;
  }

  /**
   * Sustained rate: ticks of every batch after the first, over the time from the first commit to
   * the last (the first batch includes the query's start-up). Latency: per row, commit time minus
   * emission time, as percentiles over every ingested row.
   */
  static double sustainedRate(Map<Long, long[]> batches) {
    if (batches.size() < 2) {
      return 0;
    }
    List<long[]> list = new ArrayList<>(batches.values());
    long ticks = list.subList(1, list.size()).stream().mapToLong(b -> b[1]).sum();
    double seconds = (list.get(list.size() - 1)[0] - list.get(0)[0]) / 1000.0;
    return seconds <= 0 ? 0 : ticks / seconds;
  }

  void measure(SparkSession spark, Path sink, int target, ScenarioOutcome outcome) {
    if (batches.isEmpty()) {
      throw new IllegalStateException("the stream committed no micro-batch in time");
    }
    List<Row> commits = new ArrayList<>();
    batches.forEach((id, b) -> commits.add(RowFactory.create(id, b[0])));
    Dataset<Row> commitTimes = spark.createDataFrame(commits,
        new StructType().add("batch_id", DataTypes.LongType).add("commit_ms", DataTypes.LongType));
    Row stats = spark.read().parquet(sink.toString()).join(commitTimes, "batch_id")
        .select(col("commit_ms").minus(expr("unix_millis(emitted_at)")).as("latency_ms"))
        .agg(count(lit(1)), expr("percentile_approx(latency_ms, array(0.5, 0.95, 0.99), 10000)"), min("latency_ms"))
        .first();
    long rows = stats.getLong(0);
    List<Object> percentiles = stats.getList(1);
    long ticks = batches.values().stream().mapToLong(b -> b[1]).sum();
    double sustained = sustainedRate(batches);
    outcome.addRecords(rows)
        .measured("sustainedRatio", sustained / target)
        .measured("p95EndToEndLatencyMs", ((Number) percentiles.get(1)).doubleValue())
        .detail("sustainedEventsPerSecond", Math.round(sustained))
        .detail("committedBatches", batches.size())
        .detail("eventsIngested", rows)
        .detail("eventsLost", ticks - rows)
        .detail("p50EndToEndLatencyMs", ((Number) percentiles.get(0)).doubleValue())
        .detail("p99EndToEndLatencyMs", ((Number) percentiles.get(2)).doubleValue());
  }
}
