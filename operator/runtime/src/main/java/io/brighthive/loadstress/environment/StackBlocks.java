package io.brighthive.loadstress.environment;

import io.brighthive.loadstress.api.environment.StackState;
import io.brighthive.loadstress.api.environment.Stacks;
import io.brighthive.loadstress.environment.render.Component;

/** The status block and the condition of each of the five stacks, the same for every provider. */
public final class StackBlocks {
  private StackBlocks() {}

  public static String conditionType(Component component) {
    return switch (component) {
      case VPC -> "VpcReady";
      case DATA_LAKE -> "DataLakeReady";
      case REDSHIFT -> "RedshiftReady";
      case EMR -> "EmrReady";
      case MONITORING -> "MonitoringReady";
    };
  }

  public static StackState get(Stacks stacks, Component component) {
    return switch (component) {
      case VPC -> stacks.getVpc();
      case DATA_LAKE -> stacks.getDataLake();
      case REDSHIFT -> stacks.getRedshift();
      case EMR -> stacks.getEmr();
      case MONITORING -> stacks.getMonitoring();
    };
  }

  public static void set(Stacks stacks, Component component, StackState state) {
    switch (component) {
      case VPC -> stacks.setVpc(state);
      case DATA_LAKE -> stacks.setDataLake(state);
      case REDSHIFT -> stacks.setRedshift(state);
      case EMR -> stacks.setEmr(state);
      case MONITORING -> stacks.setMonitoring(state);
    }
  }
}
