/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.node;

import io.cairn.node.identity.IdentityException;
import io.cairn.node.identity.NodeIdentity;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn node id --dir DIR}: prints the node's peer id, creating its identity key first if
 * the folder has none (so an operator can put the id on other nodes' allowlists before the first
 * start).
 */
@Command(
    name = "id",
    mixinStandardHelpOptions = true,
    description = {
      "Print the node's peer id (12D3KooW...).",
      "Creates DIR/identity.key (mode 0600) if it does not exist yet."
    })
public final class NodeIdCommand implements Callable<Integer> {
  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "The node's data folder.")
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try {
      NodeIdentity id = NodeIdentity.loadOrCreate(dir, new SecureRandom());
      spec.commandLine().getOut().println(id.peerId());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (IdentityException e) {
      spec.commandLine().getErr().println("Error: " + e.getMessage());
      return 1;
    }
  }
}
