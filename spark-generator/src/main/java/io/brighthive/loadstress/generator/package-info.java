/** Spark jobs for loadstress environments: warehouse generation and stress scenarios. */
package io.brighthive.loadstress.generator;
