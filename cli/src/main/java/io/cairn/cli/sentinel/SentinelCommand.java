/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cairn sentinel}: the node reputation engine's commands. */
@Command(
    name = "sentinel",
    mixinStandardHelpOptions = true,
    description = {
      "The sentinel: which nodes to trust with new shards and which to ask first, and why.",
      "State lives in ~/.cairn/sentinel.json, the policy in ~/.cairn/sentinel-policy.properties"
          + " (built-in defaults when absent). See docs/sentinel.md."
    },
    subcommands = {
      SimulateCommand.class,
      ReportCommand.class,
      DryRunCommand.class,
      IngestCommand.class,
      PolicyCommand.class
    })
public final class SentinelCommand implements Runnable {
  /** Exit code: success. */
  static final int OK = 0;

  /** Exit code: an input file (policy, evidence, state) is missing, unreadable or invalid. */
  static final int BAD_INPUT = 1;

  /** Exit code: bad command-line usage (also picocli's own). */
  static final int USAGE = 2;

  /** Exit code of {@code simulate}: it ran, but a bar of the issue was missed. */
  static final int BAR_MISSED = 3;

  static final String EXIT_CODES =
      "Exit codes: 0 success; 1 an input file is missing, unreadable or invalid; 2 usage error.";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
