/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.node;

import io.cairn.cli.common.ExitCodes;
import io.cairn.node.daemon.NodeDaemon;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.store.NodeDatabase;
import io.cairn.node.store.QuarantinedShard;
import io.cairn.node.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn node quarantine --dir DIR [--purge]}: lists the shards a stopped node moved out of
 * service because they failed their integrity check on read, and with {@code --purge} deletes them
 * and gives their space back.
 */
@Command(
    name = "quarantine",
    mixinStandardHelpOptions = true,
    description = {
      "List the shards this node quarantined (they failed their integrity check on read and are",
      "never served), or delete them with --purge. The node must be stopped: its database is",
      "locked while it runs."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:listed (or purged)",
      "1:the database could not be opened (in use by a running node, damaged, ...)",
      "2:usage error"
    })
public final class NodeQuarantineCommand implements Callable<Integer> {
  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "The node's data folder.")
  Path dir;

  @Option(names = "--purge", description = "Delete every quarantined shard and reclaim its space.")
  boolean purge;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path db = dir.resolve(NodeDaemon.DB_FOLDER);
    if (!Files.isDirectory(db)) {
      err.println("cairn: error: " + dir + " holds no node database (no " + db + ")");
      err.flush();
      return ExitCodes.FAILURE;
    }
    // The quota does not matter here: nothing is stored.
    try (NodeDatabase nd =
        NodeDatabase.open(db, Long.MAX_VALUE, new MetricsRegistry(), InstantSource.system())) {
      List<QuarantinedShard> q = nd.shards().quarantined();
      long bytes = q.stream().mapToLong(QuarantinedShard::bytesKept).sum();
      for (QuarantinedShard s : q) {
        out.printf(
            "%s  %s  %s  %d bytes kept%n", s.detectedAt(), s.cid(), s.reason(), s.bytesKept());
      }
      if (!purge) {
        out.printf(
            "%d quarantined shard(s), %d bytes kept%s%n",
            q.size(), bytes, q.isEmpty() ? "" : "; --purge deletes them");
      } else {
        long n = nd.shards().purgeQuarantine();
        out.printf("purged %d quarantined shard(s), %d bytes%n", n, bytes);
      }
      out.flush();
      return ExitCodes.OK;
    } catch (StoreException e) {
      err.println("cairn: error: " + e.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    }
  }
}
