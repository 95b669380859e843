package io.brighthive.loadstress.helm;

import static io.brighthive.loadstress.helm.HelmChart.at;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brighthive.loadstress.helm.HelmChart.Rendered;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** logging.format=json mounts a logback configuration that logback accepts and that writes one JSON object a line. */
class JsonLoggingTest {
  @Test
  @SuppressWarnings("unchecked")
  void theMountedConfigurationWritesJsonLines() throws Exception {
    Rendered rendered = HelmChart.template("json-logging.yaml");
    Map<String, Object> configMap = rendered.one("ConfigMap");
    String xml = ((Map<String, String>) at(configMap, "data")).get("logback.xml");
    Map<String, Object> container = at(rendered.one("Deployment"), "spec.template.spec.containers.0");
    assertThat(ChartTest.env(container).get("JDK_JAVA_OPTIONS"))
        .contains("-Dlogback.configurationFile=/etc/loadstress/logging/logback.xml");
    assertThat((List<Map<String, Object>>) container.get("volumeMounts"))
        .anyMatch(m -> "/etc/loadstress/logging".equals(m.get("mountPath")));

    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    // Set by SLF4J's service provider in a real process; a bare context has none.
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      context.getLogger("io.brighthive.loadstress.Example").info("environment {} is Ready", "team-a/subset");
      context.getLogger("io.fabric8.Noise").info("not shown: fabric8 logs at WARN");
    } finally {
      context.stop();
      System.setErr(stderr);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSize(1);
    JsonNode event = new ObjectMapper().readTree(lines.get(0));
    assertThat(event.path("level").asText()).isEqualTo("INFO");
    assertThat(event.path("loggerName").asText()).isEqualTo("io.brighthive.loadstress.Example");
    assertThat(event.path("formattedMessage").asText()).isEqualTo("environment team-a/subset is Ready");
  }
}
