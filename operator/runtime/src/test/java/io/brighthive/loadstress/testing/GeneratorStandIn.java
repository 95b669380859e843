package io.brighthive.loadstress.testing;

import io.brighthive.loadstress.awsfake.FakeAws;
import io.brighthive.loadstress.awsfake.emrserverless.FakeEmrServerless;
import io.brighthive.loadstress.awsfake.emrserverless.FakeJobRun;
import io.brighthive.loadstress.awsfake.s3.FakeS3;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays spark-generator inside the EMR Serverless fake: when a {@code generate} run ends, it writes
 * the manifest the real job writes last, so the operator's side of data generation can be tested
 * without Spark. Spark itself is tested in the spark-generator module.
 */
public final class GeneratorStandIn {
  private final AtomicInteger failuresLeft = new AtomicInteger();

  public static GeneratorStandIn install(FakeAws aws) {
    GeneratorStandIn standIn = new GeneratorStandIn();
    FakeS3 s3 = aws.service(FakeS3.class);
    aws.service(FakeEmrServerless.class).onJobRun(run -> standIn.finish(run, s3));
    return standIn;
  }

  /** The next {@code n} generate runs fail, as a job that crashed would. */
  public GeneratorStandIn failNext(int n) {
    failuresLeft.set(n);
    return this;
  }

  private void finish(FakeJobRun run, FakeS3 s3) {
    if (!run.entryPointArguments().contains("generate")) {
      return;
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      run.fail("Job failed, ExitCode: 1. Last few exceptions: java.lang.OutOfMemoryError: Java heap space");
      return;
    }
    URI lake = URI.create(run.argument("--lake"));
    long records = Long.parseLong(run.argument("--records"));
    String manifest = "{\"manifestVersion\":1,\"status\":\"COMPLETE\",\"records\":" + records
        + ",\"totalRows\":" + (records * 2) + ",\"totalBytes\":" + (records * 22) + ",\"durationSeconds\":12.5}";
    s3.putObjectOutOfBand(lake.getHost(), "_manifest.json", manifest);
  }
}
