/**
 * The Redshift fake: {@link io.brighthive.loadstress.awsfake.redshift.FakeRedshift} is its public face (query
 * protocol, 2012-12-01); the rest is package-private: clusters, snapshots, their timeline of status changes, and
 * the hook that lets stacks own clusters.
 */
package io.brighthive.loadstress.awsfake.redshift;
