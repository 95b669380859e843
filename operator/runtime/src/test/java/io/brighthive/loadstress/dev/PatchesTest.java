package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PatchesTest {
  @Test
  void mergePatchDeletesNullsAndReplacesArrays() {
    ObjectNode current = Json.parseObject("""
        {"metadata":{"name":"x","finalizers":["a","b"]},"spec":{"mode":"subset","provider":"local"}}""");

    ObjectNode patched = PatchType.MERGE.apply(current, Json.parse("""
        {"metadata":{"finalizers":["b"]},"spec":{"provider":null,"suspend":true}}""".getBytes()), false);

    assertThat(Json.text(patched)).isEqualTo("""
        {"metadata":{"name":"x","finalizers":["b"]},"spec":{"mode":"subset","suspend":true}}""");
    assertThat(Json.text(current)).contains("\"provider\":\"local\"");
  }

  @Test
  void strategicMergeOfACustomResourceIsAMergePatch() {
    ObjectNode current = Json.parseObject("{\"spec\":{\"list\":[{\"name\":\"a\"}]}}");

    ObjectNode patched = PatchType.STRATEGIC.apply(current, Json.parse("{\"spec\":{\"list\":[{\"name\":\"b\"}]}}".getBytes()), false);

    assertThat(Json.text(patched)).isEqualTo("{\"spec\":{\"list\":[{\"name\":\"b\"}]}}");
  }

  @Test
  void strategicMergeOfABuiltInKindMergesKeyedListsAndHonoursDirectives() {
    ObjectNode current = Json.parseObject("""
        {"metadata":{"finalizers":["a"],"labels":{"x":"1","y":"2"}},
         "spec":{"containers":[{"name":"app","image":"v1","env":[{"name":"A","value":"1"}]},{"name":"side","image":"s"}],
                 "args":["--one"]}}""");

    ObjectNode patched = PatchType.STRATEGIC.apply(current, Json.parse("""
        {"metadata":{"finalizers":["b"],"labels":{"y":null},"$deleteFromPrimitiveList/finalizers":["a"]},
         "spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"side"}],
                 "containers":[{"name":"app","image":"v2"},{"name":"side","$patch":"delete"},{"name":"new","image":"n"}],
                 "args":["--two"]}}""".getBytes()), true);

    assertThat(Json.text(patched)).isEqualTo("""
        {"metadata":{"finalizers":["b"],"labels":{"x":"1"}},\
        "spec":{"containers":[{"name":"app","image":"v2","env":[{"name":"A","value":"1"}]},{"name":"new","image":"n"}],\
        "args":["--two"]}}""");
  }

  @Test
  void jsonPatchAppliesOperationsAndRejectsFailingOnes() {
    ObjectNode current = Json.parseObject("{\"spec\":{\"mode\":\"subset\"}}");

    ObjectNode patched = PatchType.JSON.apply(current, Json.parse("""
        [{"op":"test","path":"/spec/mode","value":"subset"},{"op":"replace","path":"/spec/mode","value":"full"}]""".getBytes()), false);

    assertThat(Json.text(patched)).isEqualTo("{\"spec\":{\"mode\":\"full\"}}");
    assertThatThrownBy(() -> PatchType.JSON.apply(current,
        Json.parse("[{\"op\":\"test\",\"path\":\"/spec/mode\",\"value\":\"full\"}]".getBytes()), false))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422));
  }

  @Test
  void unknownPatchTypesAreUnsupportedMediaTypes() {
    assertThatThrownBy(() -> PatchType.of("application/json"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
  }
}
