package io.brighthive.loadstress.generator.scenario.workloads;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;

import io.brighthive.loadstress.generator.scenario.Scenario;
import io.brighthive.loadstress.generator.scenario.ScenarioContext;
import io.brighthive.loadstress.generator.scenario.ScenarioOutcome;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * S09 Real-time streaming ingestion: a Structured Streaming query reads a rate source at
 * {@code eventsPerSecond} (each tick stands for one event of the generated stream: tick value
 * modulo the events table's size), looks the events up in the events table by id range, and
 * appends them to a Parquet table in the lake once per second, for {@code durationSeconds}. Each
 * committed micro-batch records its commit time; end-to-end latency is commit time minus the tick's
 * emission time, and the sustained rate is the rows committed per second between the first and
 * the last commit ({@link S09BatchLog}).
 */
public final class S09StreamingIngestion implements Scenario {

  static final long TRIGGER_MILLIS = 1_000;

  @Override
  public String id() {
    return "S09";
  }

  @Override
  public void run(ScenarioContext context, ScenarioOutcome outcome) throws Exception {
    int rate = context.parameters().intValue("eventsPerSecond");
    int seconds = context.parameters().intValue("durationSeconds");
    SparkSession spark = context.spark();
    long events = context.manifest().table("events").rows();
    Dataset<Row> eventsTable = context.table("events");
    Path sink = new Path(context.scratch(), "stream/events");
    S09BatchLog log = new S09BatchLog();

    VoidFunction2<Dataset<Row>, Long> ingest = (ticks, batchId) -> {
      Row range = ticks.agg(min("value"), max("value")).first();
      if (range.isNullAt(0)) {
        return;
      }
      long first = range.getLong(0);
      long last = range.getLong(1);
      Dataset<Row> lookup = eventsTable;
      if (last - first < events && Math.floorMod(first, events) <= Math.floorMod(last, events)) {
        lookup = eventsTable.where(col("event_id").between(Math.floorMod(first, events), Math.floorMod(last, events)));
      }
      Dataset<Row> rows = ticks.select(pmod(col("value"), lit(events)).as("event_id"), col("timestamp").as("emitted_at"))
          .join(lookup, "event_id")
          .select(col("event_id"), col("event_time"), col("customer_id"), col("event_type"), col("payload"),
              col("emitted_at"), lit(batchId).as("batch_id"));
      rows.write().mode(SaveMode.Append).parquet(sink.toString());
      log.committed(batchId, System.currentTimeMillis(), last - first + 1);
    };
    StreamingQuery query = spark.readStream().format("rate")
        .option("rowsPerSecond", rate)
        .option("numPartitions", spark.sparkContext().defaultParallelism())
        .load()
        .writeStream()
        .queryName("s09_" + Long.toHexString(System.nanoTime()))
        .trigger(Trigger.ProcessingTime(TRIGGER_MILLIS, TimeUnit.MILLISECONDS))
        .option("checkpointLocation", new Path(context.scratch(), "stream/_checkpoint").toString())
        .foreachBatch(ingest)
        .start();
    try {
      query.awaitTermination(seconds * 1_000L);
    } finally {
      query.stop();
    }
    if (query.exception().isDefined()) {
      throw query.exception().get();
    }
    log.measure(spark, sink, rate, outcome);
    long ingested = outcome.recordsProcessed();
    outcome.addBytes(events == 0 ? 0 : context.tableBytes("events") * Math.min(ingested, events) / events);
  }
}
