/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.PeerId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeCommandTest {
  @TempDir Path dir;

  private static int run(StringWriter out, StringWriter err, String... args) {
    return new CommandLine(new NodeCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void shouldCreateTheIdentityOnceAndPrintTheSamePeerIdEveryTime() throws Exception {
    StringWriter out1 = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out1, err, "id", "--dir", dir.toString()), err.toString());
    PeerId id = PeerId.parse(out1.toString().strip());
    assertTrue(id.toString().startsWith("12D3KooW"), id.toString());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("identity.key"))));
    StringWriter out2 = new StringWriter();
    assertEquals(0, run(out2, err, "id", "--dir", dir.toString()));
    assertEquals(id.toString(), out2.toString().strip());
  }

  @Test
  void shouldListAnEmptyQuarantineAndRefuseWhileTheNodeRuns() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(1, run(out, err, "quarantine", "--dir", dir.toString()), err.toString());
    assertTrue(err.toString().contains("holds no node database"), err.toString());

    Path db = dir.resolve("db");
    io.cairn.node.store.NodeDatabase nd =
        io.cairn.node.store.NodeDatabase.open(
            db,
            1 << 20,
            new io.cairn.node.metrics.MetricsRegistry(),
            java.time.InstantSource.system());
    try {
      // As while a node runs: the database is locked.
      StringWriter err2 = new StringWriter();
      assertEquals(1, run(new StringWriter(), err2, "quarantine", "--dir", dir.toString()));
      assertTrue(err2.toString().contains("in use by another process"), err2.toString());
    } finally {
      nd.close();
    }
    StringWriter out3 = new StringWriter();
    StringWriter err3 = new StringWriter();
    assertEquals(0, run(out3, err3, "quarantine", "--dir", dir.toString()), err3.toString());
    assertTrue(out3.toString().contains("0 quarantined shard(s), 0 bytes kept"), out3.toString());
    StringWriter out4 = new StringWriter();
    assertEquals(0, run(out4, err3, "quarantine", "--dir", dir.toString(), "--purge"));
    assertTrue(out4.toString().contains("purged 0 quarantined shard(s)"), out4.toString());
  }

  @Test
  void shouldRefuseAnIdentityKeyOthersCanRead() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "id", "--dir", dir.toString()));
    Files.setPosixFilePermissions(
        dir.resolve("identity.key"), PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(1, run(out, err, "id", "--dir", dir.toString()));
    assertTrue(err.toString().contains("chmod 600"), err.toString());
  }

  @Test
  void shouldExplainABadSettingBeforeStarting() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "run", "--dir", dir.toString(), "--quota", "lots");
    assertEquals(2, code);
    assertTrue(err.toString().contains("quota"), err.toString());
    assertEquals(
        2, run(out, err, "run", "--dir", dir.toString(), "--metrics", "no-port"), err.toString());
    assertEquals(
        2,
        run(
            out,
            err,
            "run",
            "--dir",
            dir.toString(),
            "--config",
            dir.resolve("missing").toString()));
    assertTrue(err.toString().contains("does not exist"), err.toString());
  }
}
