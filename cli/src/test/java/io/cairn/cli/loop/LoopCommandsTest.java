/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.cli.Main;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.JsonReport;
import io.cairn.cli.common.NetworkFile;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop commands' failures that need no running network, and their help. */
class LoopCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnv env = CliEnv.of(Map.of("CAIRN_PASSWORD", "pw"), dir.resolve("home"));
    int code = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A network file naming one node at a port nothing listens on. */
  Path deadNetwork() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    PeerId id = PeerId.of(Ed25519.fromSeed(new byte[32]).publicKey());
    Path file = dir.resolve("net").resolve(NetworkFile.FILE_NAME);
    new NetworkFile(
            Instant.now(),
            List.of(
                NetworkFile.Node.of(
                    "node-1", id, Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port + "/p2p/" + id))))
        .write(file);
    return file;
  }

  Path input() throws Exception {
    Path f = dir.resolve("data.bin");
    Files.write(f, new byte[1000]);
    return f;
  }

  List<Path> leftovers() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".cmf") || p.toString().endsWith(".partial"))
          .toList();
    }
  }

  @Test
  void shouldDocumentExitCodesInEveryLoopCommandsHelp() {
    for (String c : new String[] {"upload", "retrieve", "audit", "bench-e2e"}) {
      Run r = run(c, "--help");
      assertEquals(0, r.code(), c);
      assertTrue(r.out().contains("Exit codes:"), c + ":\n" + r.out());
    }
    assertTrue(run("upload", "--help").out().contains("--password-file"));
    assertTrue(run("upload", "--help").out().contains("--bootstrap"));
    assertTrue(run("retrieve", "--help").out().contains("--report"));
    assertFalse(run("upload", "--help").out().contains("--kdf-memory"), "hidden option");
  }

  @Test
  void shouldSayHowToGetANetworkWhenThereIsNone() throws Exception {
    Run r = run("upload", input().toString());
    assertEquals(ExitCodes.NETWORK_UNAVAILABLE, r.code(), r.err());
    assertTrue(r.err().contains("cairn: error: no network"), r.err());
    assertTrue(r.err().contains("./cairn up"), r.err());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void shouldFailCleanlyOnAnUnreachableNetworkAndLeaveNoManifest() throws Exception {
    Path report = dir.resolve("report.json");
    Run r =
        run(
            "upload",
            input().toString(),
            "--network",
            deadNetwork().toString(),
            "--kdf-memory",
            "8",
            "--kdf-iterations",
            "1",
            "--report",
            report.toString());
    assertEquals(ExitCodes.NETWORK_UNAVAILABLE, r.code(), r.err());
    assertTrue(r.err().contains("network unreachable: none of the 1 known node answered"), r.err());
    assertEquals(List.of(), leftovers());
    JsonNode j = JsonReport.mapper().readTree(report.toFile());
    assertFalse(j.get("ok").asBoolean());
    assertEquals("NETWORK_UNREACHABLE", j.get("error").get("name").asText());
    assertEquals(6, j.get("exitCode").asInt());
  }

  @Test
  void shouldRefuseAManifestPastTheSizeLimitBeforeAnythingElse() throws Exception {
    Path big = dir.resolve("big.cmf");
    try (var ch =
        java.nio.channels.FileChannel.open(
            big,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[1]), 16L * 1024 * 1024);
    }
    Path out = dir.resolve("restored.bin");
    Run r =
        run(
            "retrieve",
            big.toString(),
            "-o",
            out.toString(),
            "--network",
            deadNetwork().toString());
    assertEquals(ExitCodes.LIMIT_EXCEEDED, r.code(), r.err());
    assertTrue(r.err().contains("16 MiB"), r.err());
    assertFalse(Files.exists(out));
    Run a = run("audit", big.toString(), "--network", deadNetwork().toString());
    assertEquals(ExitCodes.LIMIT_EXCEEDED, a.code(), a.err());
  }

  @Test
  void shouldReportMissingFilesAndBadOptions() throws Exception {
    Run missing = run("upload", dir.resolve("nope").toString());
    assertEquals(ExitCodes.FAILURE, missing.code(), missing.err());
    assertTrue(missing.err().contains("no such file"), missing.err());
    Run badK = run("upload", input().toString(), "--k", "0");
    assertEquals(ExitCodes.USAGE, badK.code(), badK.err());
    assertTrue(badK.err().contains("--k"), badK.err());
    Run noOut = run("retrieve", dir.resolve("m.cmf").toString());
    assertEquals(ExitCodes.USAGE, noOut.code(), noOut.err());
  }

  @Test
  void shouldRefuseAFileThatNeedsMoreShardsThanAManifestHoldsBeforeAnyWork() throws Exception {
    Path big = dir.resolve("huge.bin");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: 49,152 segments of 64 KiB, 294,912 shards at k+m=6
    }
    Run r =
        run(
            "upload",
            big.toString(),
            "--segment-size",
            "64KiB",
            "--network",
            deadNetwork().toString());
    assertEquals(ExitCodes.LIMIT_EXCEEDED, r.code(), r.err());
    assertTrue(r.err().contains("would need 294912 shards"), r.err());
    assertTrue(r.err().contains("at most 250000"), r.err());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void shouldRefuseAFileWhoseManifestWouldPassSixteenMebibytesBeforeAnyWork() throws Exception {
    Path big = dir.resolve("twenty.bin");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(20_000_000_000L); // sparse; 4,769 segments of 4 MiB: 28,614 shards, under 250,000
    }
    Run r = run("upload", big.toString(), "--network", deadNetwork().toString());
    assertEquals(ExitCodes.LIMIT_EXCEEDED, r.code(), r.err());
    assertTrue(r.err().contains("would need a manifest of about"), r.err());
    assertTrue(r.err().contains("a manifest holds at most 16MiB"), r.err());
    assertTrue(r.err().contains("the largest file is"), r.err());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void shouldRefuseToOverwriteAManifestWithoutForce() throws Exception {
    Path in = input();
    Files.writeString(dir.resolve("data.bin.cmf"), "keep me");
    Run r = run("upload", in.toString(), "--network", deadNetwork().toString());
    assertEquals(ExitCodes.FAILURE, r.code(), r.err());
    assertTrue(r.err().contains("--force"), r.err());
    assertEquals("keep me", Files.readString(dir.resolve("data.bin.cmf")));
  }
}
