package io.brighthive.loadstress.environment.sizing;

import java.util.ArrayList;
import java.util.List;

/**
 * Subnets laid out as the source CDK project did: one private /24 per availability zone from the
 * start of the VPC block, then the public /28s packed into the next /24.
 */
public record SubnetLayout(List<Cidr> privateSubnets, List<Cidr> publicSubnets) {
  static final int PRIVATE_PREFIX = 24;
  static final int PUBLIC_PREFIX = 28;
  private static final long PRIVATE_BLOCK = 1L << (32 - PRIVATE_PREFIX);
  private static final long PUBLIC_BLOCK = 1L << (32 - PUBLIC_PREFIX);

  public SubnetLayout {
    privateSubnets = List.copyOf(privateSubnets);
    publicSubnets = List.copyOf(publicSubnets);
  }

  /** Addresses the layout needs: one /24 per zone plus the /24 that holds the public /28s. */
  public static long requiredAddresses(int zones) {
    return (zones + 1L) * PRIVATE_BLOCK;
  }

  public static boolean fits(Cidr vpc, int zones) {
    return vpc.prefix() <= PRIVATE_PREFIX && requiredAddresses(zones) <= vpc.size();
  }

  /** The layout for {@code zones} availability zones; the caller checks {@link #fits} first. */
  public static SubnetLayout of(Cidr vpc, int zones) {
    if (!fits(vpc, zones)) {
      throw new IllegalArgumentException(vpc + " has no room for " + zones + " zones");
    }
    List<Cidr> privates = new ArrayList<>();
    List<Cidr> publics = new ArrayList<>();
    for (int zone = 0; zone < zones; zone++) {
      privates.add(vpc.block(zone * PRIVATE_BLOCK, PRIVATE_PREFIX));
      publics.add(vpc.block(zones * PRIVATE_BLOCK + zone * PUBLIC_BLOCK, PUBLIC_PREFIX));
    }
    return new SubnetLayout(privates, publics);
  }
}
