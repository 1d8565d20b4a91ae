/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.node;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cairn node}: run a storage node, or print its peer id. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run a Cairn storage node, or show its identity.",
    subcommands = {NodeRunCommand.class, NodeIdCommand.class, NodeQuarantineCommand.class})
public final class NodeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
