package io.brighthive.loadstress.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchHubTest {
  private final WatchHub hub = new WatchHub(3);
  private final List<String> events = new ArrayList<>();
  private final WatchHub.Sink sink = new WatchHub.Sink() {
    @Override
    public void send(String type, ObjectNode object) {
      events.add(type + " " + object.path("metadata").path("name").asText() + "@"
          + object.path("metadata").path("resourceVersion").asText());
    }

    @Override
    public void end() {
      events.add("END");
    }
  };

  @Test
  void watchFromAResourceVersionReplaysLaterChangesThenFollows() {
    hub.publish(key("a"), null, object("a", 1, "x"), 1);
    hub.publish(key("a"), object("a", 1, "x"), object("a", 2, "x"), 2);

    hub.subscribe(query(null), "1", sink);
    hub.publish(key("b"), null, object("b", 3, "x"), 3);
    hub.publish(key("a"), object("a", 2, "x"), null, 4);

    assertThat(events).containsExactly("MODIFIED a@2", "ADDED b@3", "DELETED a@4");
  }

  @Test
  void watchWithoutAResourceVersionStartsWithTheCurrentObjects() {
    hub.publish(key("b"), null, object("b", 1, "x"), 1);
    hub.publish(key("a"), null, object("a", 2, "x"), 2);

    hub.subscribe(query(null), "0", sink);

    assertThat(events).containsExactly("ADDED a@2", "ADDED b@1");
  }

  @Test
  void objectsEnteringOrLeavingTheSelectorAreAddedOrDeleted() {
    hub.subscribe(query("tier=gold"), "", sink);

    hub.publish(key("a"), null, object("a", 1, "bronze"), 1);
    hub.publish(key("a"), object("a", 1, "bronze"), object("a", 2, "gold"), 2);
    hub.publish(key("a"), object("a", 2, "gold"), object("a", 3, "gold"), 3);
    hub.publish(key("a"), object("a", 3, "gold"), object("a", 4, "bronze"), 4);

    assertThat(events).containsExactly("ADDED a@2", "MODIFIED a@3", "DELETED a@4");
  }

  @Test
  void aResourceVersionOlderThanTheLogIsGone() {
    for (int i = 1; i <= 5; i++) {
      hub.publish(key("a" + i), null, object("a" + i, i, "x"), i);
    }

    assertThatThrownBy(() -> hub.subscribe(query(null), "1", sink))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(410));
    hub.subscribe(query(null), "2", sink);
    assertThat(events).containsExactly("ADDED a3@3", "ADDED a4@4", "ADDED a5@5");
  }

  @Test
  void endAllEndsOpenWatches() {
    hub.subscribe(query(null), "", sink);

    hub.endAll();
    hub.publish(key("a"), null, object("a", 1, "x"), 1);

    assertThat(events).containsExactly("END");
  }

  private static WatchHub.Key key(String name) {
    return new WatchHub.Key("g", "things", "default", name);
  }

  private static WatchQuery query(String labelSelector) {
    return new WatchQuery("g", "things", "default", Selectors.parse(labelSelector, null));
  }

  private static ObjectNode object(String name, long version, String tier) {
    return Json.parseObject("""
        {"metadata":{"name":"%s","namespace":"default","resourceVersion":"%d","labels":{"tier":"%s"}}}"""
        .formatted(name, version, tier));
  }
}
