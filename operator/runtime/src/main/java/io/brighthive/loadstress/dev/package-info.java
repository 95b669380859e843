/**
 * The development Kubernetes API server ({@link io.brighthive.loadstress.dev.DevApiServer}) that the real kubectl and
 * the operator talk to when there is no cluster. It builds on fabric8's CRUD mock, so the runtime module needs
 * {@code io.fabric8:kubernetes-server-mock} (and with it Vert.x) at compile scope, not only for tests.
 */
package io.brighthive.loadstress.dev;
