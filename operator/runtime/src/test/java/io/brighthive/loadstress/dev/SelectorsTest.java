package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorsTest {
  private static final ObjectNode EVENT = Json.parseObject("""
      {"metadata":{"name":"e1","namespace":"default","labels":{"tier":"gold","app":"ls","n":"5"}},
       "involvedObject":{"kind":"LoadstressEnvironment","name":"local","uid":"u1"},"reason":"Ready"}""");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tier=gold||true",
      "tier==gold,app=ls||true",
      "tier!=gold||false",
      "tier in (gold, silver)||true",
      "tier notin (gold)||false",
      "missing||false",
      "!missing||true",
      "n>4,n<6||true",
      "|involvedObject.name=local,involvedObject.kind=LoadstressEnvironment|true",
      "|involvedObject.uid=u1,involvedObject.name=other|false",
      "|reason!=Ready|false",
      "|metadata.name=e1,metadata.namespace=default|true",
      "|source.component=|true"})
  void selectorsMatchAsTheApiServerMatches(String labels, String fields, boolean matches) {
    assertThat(Selectors.parse(labels, fields).matches(EVENT)).isEqualTo(matches);
  }
}
