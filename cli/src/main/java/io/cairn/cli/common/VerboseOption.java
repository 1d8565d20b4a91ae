/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} option, as a picocli mixin. {@link ErrorHandler} looks for it on the
 * command line, so a command only needs to declare {@code @Mixin VerboseOption verbose;}.
 */
public final class VerboseOption {
  /** The option name {@link ErrorHandler} looks for. */
  public static final String NAME = "--verbose";

  @Option(
      names = NAME,
      description = "On failure, print the stack trace too (same as CAIRN_DEBUG=1).")
  boolean verbose;

  public VerboseOption() {}

  public boolean verbose() {
    return verbose;
  }
}
