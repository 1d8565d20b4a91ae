/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.node;

import io.cairn.node.daemon.NodeFlags;
import io.cairn.node.daemon.NodeLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn node run}: a storage node in the foreground until SIGTERM or SIGINT (Ctrl-C), which
 * shut it down gracefully. Settings come from {@code DIR/node.properties} (or {@code --config
 * FILE}); flags override them.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a storage node in the foreground until SIGTERM or Ctrl-C.",
      "Prints 'cairn node listening on <multiaddr>/p2p/<peer id>' once it listens.",
      "Settings are read from DIR/node.properties (or --config FILE); flags override them."
    })
public final class NodeRunCommand implements Callable<Integer> {
  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "The node's data folder: identity key, database, node.properties.")
  Path dir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Read settings from FILE instead of DIR/node.properties.")
  Path config;

  @Option(
      names = "--listen",
      paramLabel = "MULTIADDR",
      description =
          "Listen address, e.g. /ip4/0.0.0.0/tcp/4001 (tcp/0 picks a free port). Repeatable.")
  List<String> listen = new ArrayList<>();

  @Option(
      names = "--bootstrap",
      paramLabel = "MULTIADDR",
      description = "A peer to dial at start, ending in /p2p/<peer id>. Repeatable.")
  List<String> bootstrap = new ArrayList<>();

  @Option(
      names = "--allow",
      paramLabel = "PEER_ID",
      description =
          "Admit only these peers (checked once Noise proved their identity). Repeatable.")
  List<String> allow = new ArrayList<>();

  @Option(
      names = "--quota",
      paramLabel = "SIZE",
      description = "Storage quota, e.g. 500MB, 10GiB, 1.5TiB (default 10GiB).")
  String quota;

  @Option(
      names = "--metrics",
      paramLabel = "HOST:PORT",
      description =
          "Address of the Prometheus /metrics and /health endpoint (default 127.0.0.1:0, a free"
              + " port, printed at start).")
  String metrics;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    NodeFlags flags =
        new NodeFlags(
            listen, bootstrap, allow, Optional.ofNullable(quota), Optional.ofNullable(metrics));
    return NodeLauncher.run(
        dir,
        Optional.ofNullable(config),
        flags,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }
}
