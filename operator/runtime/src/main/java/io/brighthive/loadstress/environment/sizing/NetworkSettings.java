package io.brighthive.loadstress.environment.sizing;

import java.util.List;

/** Effective VPC settings with the computed subnet blocks, one private and one public per zone. */
public record NetworkSettings(
    Cidr cidr, int maxAzs, int natGateways, List<Cidr> privateSubnets, List<Cidr> publicSubnets) {
  public NetworkSettings {
    privateSubnets = List.copyOf(privateSubnets);
    publicSubnets = List.copyOf(publicSubnets);
  }
}
