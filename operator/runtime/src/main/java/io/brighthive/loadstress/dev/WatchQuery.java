package io.brighthive.loadstress.dev;

/** Which objects a watch follows: one resource, optionally one namespace, narrowed by selectors. */
record WatchQuery(String group, String plural, String namespace, Selectors selectors) {

  boolean covers(WatchHub.Key key) {
    return key.group().equals(group) && key.plural().equals(plural)
        && (namespace == null || namespace.equals(key.namespace()));
  }
}
