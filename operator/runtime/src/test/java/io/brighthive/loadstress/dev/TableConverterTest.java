package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableConverterTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private final TableConverter tables = new TableConverter(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void cellsAreTypedLikeTheApiServerTypesThem() {
    ApiResource resource = resource(
        column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
        column("Records", "integer", ".status.records"),
        column("Cost", "number", ".status.cost"),
        column("Whole", "number", ".status.whole"),
        column("Flag", "boolean", ".status.flag"),
        column("Age", "date", ".metadata.creationTimestamp"),
        column("Missing", "string", ".status.nothing"),
        column("Count", "string", ".status.records"),
        column("Bad date", "date", ".status.phase"));
    ObjectNode object = Json.parseObject("""
        {"metadata":{"name":"local","creationTimestamp":"2025-06-01T11:54:50Z"},
         "status":{"phase":"Ready","records":1000000,"cost":12.5,"whole":3.0,"flag":true,
           "conditions":[{"type":"Provisioned","status":"False"},{"type":"Ready","status":"True"}]}}""");

    JsonNode table = tables.table(resource, List.of(object), "42", null);

    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("42");
    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly("Name", "Ready", "Records", "Cost", "Whole", "Flag", "Age", "Missing", "Count", "Bad date");
    assertThat(Json.text(table.path("rows").get(0).path("cells")))
        .isEqualTo("[\"local\",\"True\",1000000,12.5,3,true,\"5m10s\",null,\"1000000\",\"<invalid>\"]");
    assertThat(table.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
  }

  @Test
  void integerColumnsTruncateAndTypeMismatchesAreEmpty() {
    ApiResource resource = resource(column("Int", "integer", ".a"), column("Num", "number", ".b"), column("Bool", "boolean", ".c"));
    JsonNode cells = tables.table(resource, List.of(Json.parseObject("""
        {"metadata":{"name":"x"},"a":2.9,"b":"text","c":"yes"}""")), "1", "None").path("rows").get(0);

    assertThat(Json.text(cells.path("cells"))).isEqualTo("[\"x\",2,null,null]");
    assertThat(cells.has("object")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"0,0s", "119,119s", "120,2m", "310,5m10s", "600,10m", "10799,179m", "10800,3h", "11100,3h5m",
      "28800,8h", "172800,2d", "176400,2d1h", "691200,8d", "63072000,2y", "65664000,2y30d", "252288000,8y", "-1,0s", "-5,<invalid>"})
  void agesAreFormattedAsKubectlFormatsThem(long seconds, String expected) {
    assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      ".spec.mode|subset",
      "{.spec.mode}|subset",
      ".items[1].name|b",
      ".items[-1].name|c",
      ".items[*].name|a,b,c",
      ".items[0:2].name|a,b",
      "['spec']['mode']|subset",
      ".items[?(@.n>1)].name|b,c",
      ".items[?(@.name!=\"a\")].name|b,c",
      ".items[?(@.flag)].name|c",
      "..name|a,b,c",
      ".spec.nothing|''"})
  void jsonPathSelectsAsKubernetesDoes(String path, String expected) {
    ObjectNode object = Json.parseObject("""
        {"spec":{"mode":"subset"},"items":[{"name":"a","n":1},{"name":"b","n":2},{"name":"c","n":3,"flag":true}]}""");

    List<String> values = JsonPath.compile(path).evaluate(object).stream().map(JsonNode::asText).toList();

    assertThat(String.join(",", values)).isEqualTo(expected);
  }

  private static PrinterColumn column(String name, String type, String path) {
    return PrinterColumn.fromCrd(Json.object().put("name", name).put("type", type).put("jsonPath", path));
  }

  private static ApiResource resource(PrinterColumn... columns) {
    return new ApiResource("g", "v1", "things", "thing", "Thing", true, List.of(), List.of(), true, List.of(columns),
        Json.object());
  }
}
