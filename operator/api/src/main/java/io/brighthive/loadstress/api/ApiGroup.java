package io.brighthive.loadstress.api;

/** Identity of the loadstress API: group, version and the category both kinds belong to. */
public final class ApiGroup {
  public static final String GROUP = "loadstress.brighthive.io";
  public static final String VERSION = "v1alpha1";
  public static final String CATEGORY = "loadstress";

  private ApiGroup() {}
}
