package io.brighthive.loadstress.generator.scenario.catalog;

/** A scenario id, parameter or SLO override that the catalog does not accept; the message is for people. */
public final class CatalogException extends IllegalArgumentException {
  public CatalogException(String message) {
    super(message);
  }
}
