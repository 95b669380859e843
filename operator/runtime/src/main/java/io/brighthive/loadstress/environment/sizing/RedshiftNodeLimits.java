package io.brighthive.loadstress.environment.sizing;

import io.brighthive.loadstress.api.environment.RedshiftNodeType;

/**
 * Node counts a new cluster may have, per node type ("Node type details" in the Amazon Redshift
 * management guide, "Node range with create cluster"). ra3.4xlarge and ra3.16xlarge have no
 * single-node clusters.
 */
record RedshiftNodeLimits(boolean singleNode, int maxNodes) {
  static RedshiftNodeLimits of(RedshiftNodeType type) {
    return switch (type) {
      case RA3_LARGE, RA3_XLPLUS -> new RedshiftNodeLimits(true, 16);
      case RA3_4XLARGE -> new RedshiftNodeLimits(false, 32);
      case RA3_16XLARGE -> new RedshiftNodeLimits(false, 128);
    };
  }

  /** A problem with this node count, or null when it is allowed. */
  String check(RedshiftNodeType type, int nodes) {
    if (nodes < 1) {
      return "must be at least 1";
    }
    if (nodes == 1 && !singleNode) {
      return type.awsName() + " has no single-node clusters: use at least 2 nodes";
    }
    if (nodes > maxNodes) {
      return type.awsName() + " allows at most " + maxNodes + " nodes when a cluster is created, got " + nodes;
    }
    return null;
  }
}
