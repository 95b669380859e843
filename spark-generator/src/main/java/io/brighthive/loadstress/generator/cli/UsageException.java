package io.brighthive.loadstress.generator.cli;

/** Bad command-line input: the job exits with status 2 and prints the message, having touched nothing. */
public final class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
