/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.up;

import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.NetworkFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn up}: a whole local network of storage nodes on 127.0.0.1. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a whole Cairn network on 127.0.0.1: N storage nodes, each its own process, and",
      "writes DIR/network.json, which upload, retrieve and audit use when given no --network.",
      "Ctrl-C stops every node cleanly. Run again in the same DIR to resume the same network",
      "(same identities and data)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly (Ctrl-C)",
      "1:a node failed to start, or every node exited on its own"
    })
public final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--nodes",
      defaultValue = "6",
      description = "Number of storage nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--dir",
      description =
          "Network directory (default: $CAIRN_NETWORK_DIR, else ~/.cairn/network). Each node"
              + " keeps its data in DIR/node-N.")
  Path dir;

  @Option(
      names = "--quota",
      defaultValue = "10GiB",
      description = "Storage quota of each node (default: ${DEFAULT-VALUE}).")
  String quota;

  @Override
  public Integer call() throws Exception {
    if (nodes < 1 || nodes > 64) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--nodes must be in 1..64, got " + nodes);
    }
    CliEnv env = CliEnv.of(spec);
    Path networkDir = (dir != null ? dir : NetworkFile.defaultDir(env)).toAbsolutePath();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    out.println("cairn up: starting " + nodes + " nodes in " + networkDir);
    out.flush();
    LocalNetwork network =
        LocalNetwork.start(networkDir, nodes, LocalNetwork.Launch.ofCurrentJvm(quota), err);
    CountDownLatch stopped = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean stopping =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              out.println("cairn up: stopping " + network.nodes().size() + " nodes...");
              out.flush();
              network.close();
              out.println("cairn up: stopped");
              out.flush();
              stopped.countDown();
            },
            "cairn-up-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    for (LocalNetwork.RunningNode n : network.nodes()) {
      out.printf(
          "  %-8s %s  pid %d%s%n",
          n.name(), n.address(), n.process().pid(), n.metrics().map(m -> "  " + m).orElse(""));
    }
    out.printf(
        "cairn up: %d nodes ready in %.1f s; network file %s%n",
        network.nodes().size(),
        (System.nanoTime() - started) / 1e9,
        networkDir.resolve(NetworkFile.FILE_NAME));
    out.println("cairn up: try  ./cairn upload FILE   (Ctrl-C stops the network)");
    out.flush();
    java.util.Set<LocalNetwork.RunningNode> gone = new java.util.HashSet<>();
    while (true) {
      LocalNetwork.RunningNode exited = network.awaitAnyExit(gone);
      if (stopping.get() || isShuttingDown()) {
        stopped.await(); // Ctrl-C: the hook stops the nodes (they also got the signal)
        return 0;
      }
      if (exited == null) {
        break;
      }
      // A node exited on its own (a crash, or killed to try the network's fault tolerance): say
      // so and keep the others serving; clients fall back to the nodes that are left.
      gone.add(exited);
      int left = network.nodes().size() - gone.size();
      err.println(
          "cairn up: "
              + exited.name()
              + " exited with status "
              + exited.process().exitValue()
              + " (see "
              + exited.dir().resolve("node.log")
              + "); "
              + (left > 0
                  ? left
                      + " node(s) still serving. Ctrl-C and ./cairn up again brings it back with"
                      + " its data."
                  : "no node left."));
      err.flush();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      stopped.await(); // Ctrl-C came meanwhile: the hook closes the network
      return 0;
    }
    network.close();
    return 1;
  }

  /** Whether the JVM is already running its shutdown hooks (probed with a hook never run). */
  private static boolean isShuttingDown() {
    Thread probe = new Thread(() -> {}, "cairn-up-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
