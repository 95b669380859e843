package io.brighthive.loadstress.dev;

import java.time.Duration;

/**
 * A watch request, resolved: what to follow, from which resourceVersion, how to render events (Tables for
 * {@code kubectl get -w}), how long to stay open and whether the client wants BOOKMARK events.
 */
record WatchPlan(WatchQuery query, String resourceVersion, ApiResource resource, boolean table, String includeObject,
    Duration timeout, boolean bookmarks) {
  /** The API server closes watches after 30 to 60 minutes; clients then re-watch from their last resourceVersion. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  static WatchPlan of(ApiRequest request, ResourcePath path, ApiResource resource) {
    String fieldSelector = request.param("fieldSelector");
    if (path.name() != null) {
      String byName = "metadata.name=" + path.name();
      fieldSelector = fieldSelector == null || fieldSelector.isBlank() ? byName : fieldSelector + "," + byName;
    }
    Selectors selectors = Selectors.parse(request.param("labelSelector"), fieldSelector);
    String seconds = request.param("timeoutSeconds");
    Duration timeout = seconds == null || seconds.isBlank() ? DEFAULT_TIMEOUT : Duration.ofSeconds(Long.parseLong(seconds));
    return new WatchPlan(new WatchQuery(path.group(), path.plural(), path.namespace(), selectors),
        request.param("resourceVersion"), resource, request.wantsTable(), request.param("includeObject"), timeout,
        request.flag("allowWatchBookmarks"));
  }
}
