package io.brighthive.loadstress.generator.lake;

import io.brighthive.loadstress.generator.data.Output;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes outputs as concurrent Spark jobs. Many outputs are small, and their time goes to planning,
 * code generation and commit on the driver; overlapping them keeps the executors busy. The data
 * does not depend on the order in which jobs finish.
 */
public final class ParallelWrites {

  private static final Logger LOG = LoggerFactory.getLogger(ParallelWrites.class);

  private final LakeWriter writer;
  private final int threads;

  public ParallelWrites(LakeWriter writer, int threads) {
    this.writer = writer;
    this.threads = threads;
  }

  /** Stats in the order of {@code outputs}; the first failure cancels the rest and is rethrown. */
  public List<OutputStats> writeAll(List<Output> outputs) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "lake-writer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<OutputStats>> futures = new ArrayList<>();
      for (Output output : outputs) {
        futures.add(pool.submit(() -> timed(output)));
      }
      List<OutputStats> stats = new ArrayList<>();
      for (Future<OutputStats> future : futures) {
        stats.add(future.get());
      }
      return stats;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("writing the lake failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the lake", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private OutputStats timed(Output output) throws IOException {
    long start = System.nanoTime();
    OutputStats stats = writer.write(output);
    LOG.info("Wrote {} rows ({} bytes, {} files) to {} in {} ms", stats.rows(), stats.bytes(),
        stats.files(), stats.path(), (System.nanoTime() - start) / 1_000_000);
    return stats;
  }
}
