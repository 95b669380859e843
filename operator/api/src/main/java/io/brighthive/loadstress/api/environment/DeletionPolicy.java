package io.brighthive.loadstress.api.environment;

/**
 * What happens to data when an environment is deleted. Delete removes everything; Retain keeps the
 * data lake bucket and takes a final Redshift snapshot.
 */
public enum DeletionPolicy {
  Delete,
  Retain
}
