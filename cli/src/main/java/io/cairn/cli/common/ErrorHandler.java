/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.PrintWriter;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on standard error, {@code cairn: error:
 * <message>}, and the exit code of {@link ExitCodes#classify}. Stack traces are printed only with
 * {@code --verbose} (see {@link VerboseOption}) or {@code CAIRN_DEBUG=1}; an unexpected error (a
 * bug) says how to get one.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
  private final CliEnv env;

  public ErrorHandler(CliEnv env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    ExitCodes.Failure failure = ExitCodes.classify(exception);
    PrintWriter err = commandLine.getErr();
    err.println("cairn: error: " + failure.message());
    if (verbose(parseResult)) {
      exception.printStackTrace(err);
    } else if (!failure.expected()) {
      err.println("cairn: run again with --verbose or CAIRN_DEBUG=1 for the stack trace");
    }
    err.flush();
    return failure.code();
  }

  private boolean verbose(ParseResult parseResult) {
    if (env.debug()) {
      return true;
    }
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(VerboseOption.NAME)) {
        return true;
      }
    }
    return false;
  }
}
