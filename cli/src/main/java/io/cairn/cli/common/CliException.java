/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.util.Objects;

/**
 * A failure a command reports to the user with a chosen exit code and a one-line message: "no
 * network", "NEW already exists", "audit failed for 3 shards". Throw it from {@code call()}; the
 * {@link ErrorHandler} prints {@code cairn: error: <message>} and exits with {@link #exitCode()}.
 */
public final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String name;

  /**
   * @param exitCode one of {@link ExitCodes}
   * @param name a stable upper-case name for scripts and reports, e.g. {@code NO_NETWORK}
   * @param message one line, without the {@code cairn: error:} prefix
   */
  public CliException(int exitCode, String name, String message) {
    super(Objects.requireNonNull(message, "message"));
    if (exitCode <= 0 || exitCode > 255) {
      throw new IllegalArgumentException("exit code must be 1..255, got " + exitCode);
    }
    this.exitCode = exitCode;
    this.name = Objects.requireNonNull(name, "name");
  }

  /** A usage error (exit code {@link ExitCodes#USAGE}). */
  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, "USAGE", message);
  }

  /** A generic failure (exit code {@link ExitCodes#FAILURE}). */
  public static CliException failure(String name, String message) {
    return new CliException(ExitCodes.FAILURE, name, message);
  }

  public int exitCode() {
    return exitCode;
  }

  public String name() {
    return name;
  }
}
