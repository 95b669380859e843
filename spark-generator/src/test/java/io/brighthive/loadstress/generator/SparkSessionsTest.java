package io.brighthive.loadstress.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {

  @Test
  void setsMasterAndNameOnlyWhenSparkSubmitGaveNone() {
    assertThat(SparkSessions.builderDefaults(new SparkConf(false), "app"))
        .containsEntry("spark.master", "local[*]")
        .containsEntry("spark.app.name", "app");
    SparkConf submitted = new SparkConf(false).setMaster("yarn").setAppName("from-submit");
    assertThat(SparkSessions.builderDefaults(submitted, "app")).isEmpty();
  }

  @Test
  void sqlDefaultsNeverOverrideWhatWasConfigured() {
    SparkSession session = SharedSpark.get().newSession();
    session.conf().unset("spark.sql.parquet.outputTimestampType");
    session.conf().set("spark.sql.parquet.compression.codec", "gzip");

    SparkSessions.applyDefaults(session.conf());

    assertThat(session.conf().get("spark.sql.parquet.compression.codec")).isEqualTo("gzip");
    assertThat(session.conf().get("spark.sql.parquet.outputTimestampType")).isEqualTo("TIMESTAMP_MICROS");
  }
}
