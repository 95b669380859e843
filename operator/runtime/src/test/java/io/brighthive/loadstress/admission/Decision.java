package io.brighthive.loadstress.admission;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the API server answers to a create or an update: allowed, or refused with its causes.
 *
 * @param resource the CRD's {@code plural.group}, such as {@code loadstressenvironments.loadstress.brighthive.io}
 * @param kind the object's kind
 * @param version the object's API version (the version part)
 * @param name the object's name (may be empty when the name itself is missing)
 * @param causes every error found, in the order the API server reports them
 */
public record Decision(String resource, String kind, String version, String name, List<FieldError> causes) {

  public Decision {
    causes = List.copyOf(causes);
  }

  public boolean allowed() {
    return causes.isEmpty();
  }

  /** Each cause as the API server prints it. */
  public List<String> messages() {
    return causes.stream().map(FieldError::toString).toList();
  }

  /** Whether some cause came from the given layer. */
  public boolean rejectedBy(FieldError.Layer layer) {
    return causes.stream().anyMatch(c -> c.layer() == layer);
  }

  /**
   * The whole answer as {@code kubectl apply} prints it after "Error from server": a BadRequest for
   * strict-decoding errors, otherwise an Invalid status listing every cause.
   */
  public String message() {
    if (allowed()) {
      return kind + " \"" + name + "\" admitted";
    }
    if (causes.stream().allMatch(c -> c.layer() == FieldError.Layer.DECODING)) {
      return kind + " in version \"" + version + "\" cannot be handled as a " + kind + ": strict decoding error: "
          + String.join(", ", messages());
    }
    String head = kindAndGroup() + " \"" + name + "\" is invalid: ";
    List<String> messages = messages();
    return messages.size() == 1 ? head + messages.get(0) : head + messages.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  private String kindAndGroup() {
    int dot = resource.indexOf('.');
    return dot < 0 ? kind : kind + resource.substring(dot);
  }

  @Override
  public String toString() {
    return message();
  }
}
