/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import io.cairn.sentinel.Policy;
import io.cairn.sentinel.SentinelFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn sentinel policy}: prints a complete, documented policy file. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = {
      "Print the policy in force (or the one in --file) as a complete file with every knob and"
          + " its meaning: a starting point for ~/.cairn/sentinel-policy.properties or a dry-run.",
      SentinelCommand.EXIT_CODES
    })
public final class PolicyCommand implements Callable<Integer> {
  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "Policy file to read and complete (default: the policy in force).")
  Path file;

  @Option(names = "--defaults", description = "Print the built-in defaults.")
  boolean defaults;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      Policy p = defaults ? Policy.defaults() : SentinelFiles.loadPolicy(file);
      out.print(p.toProperties());
    } catch (IOException | SentinelFormatException e) {
      spec.commandLine().getErr().println("Error: " + e.getMessage());
      return SentinelCommand.BAD_INPUT;
    }
    out.flush();
    return SentinelCommand.OK;
  }
}
