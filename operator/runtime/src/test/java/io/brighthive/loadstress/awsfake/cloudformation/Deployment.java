package io.brighthive.loadstress.awsfake.cloudformation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a stack is (or is about to be) deployed from: template, effective parameters, tags and capabilities. */
record Deployment(Template template, Map<String, String> parameters, Map<String, String> tags,
    List<String> capabilities) {

  Deployment {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    capabilities = List.copyOf(capabilities);
  }

  /** Whether deploying {@code next} over this one changes anything (AWS: "No updates are to be performed."). */
  boolean differsFrom(Deployment next) {
    return !template.sameAs(next.template) || !parameters.equals(next.parameters) || !tags.equals(next.tags);
  }
}
