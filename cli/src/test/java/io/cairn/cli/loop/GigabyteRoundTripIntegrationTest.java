/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.cli.common.JsonReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB file round-trips byte-identical through six node processes, with the client itself a
 * separate process whose heap is capped at 256 MiB: the pipeline streams, it never holds the file.
 */
class GigabyteRoundTripIntegrationTest {
  static final long SIZE = 1L << 30;

  @TempDir Path tmp;

  /** Runs {@code cairn ARGS} as its own JVM with a 256 MiB heap; returns the exit code. */
  static int client(Path home, Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of(
            "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError",
            "--add-modules=jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "-Duser.home=" + home,
            "-cp",
            System.getProperty("java.class.path"),
            "io.cairn.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("CAIRN_PASSWORD", "a gigabyte of secrets");
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the client did not finish in 10 minutes; see " + log);
    }
    return p.exitValue();
  }

  @Test
  void shouldRoundTripOneGibibyteWithTheClientHeapCappedAt256MiB() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path input = tmp.resolve("big.bin");
    byte[] want = BenchE2eCommand.writeRandom(input, SIZE, 20260301L);
    Path manifest = tmp.resolve("big.cmf");
    Path restored = tmp.resolve("restored.bin");
    try (TestNetwork net = TestNetwork.start(tmp.resolve("net"), 6, false)) {
      Path upLog = tmp.resolve("upload.log");
      int up =
          client(
              home,
              upLog,
              "upload",
              input.toString(),
              "-o",
              manifest.toString(),
              "--network",
              net.file().toString(),
              "--kdf-memory",
              "8",
              "--kdf-iterations",
              "1",
              "--report",
              tmp.resolve("up.json").toString());
      assertEquals(0, up, Files.readString(upLog));
      Files.delete(input);

      Path getLog = tmp.resolve("retrieve.log");
      int get =
          client(
              home,
              getLog,
              "retrieve",
              manifest.toString(),
              "-o",
              restored.toString(),
              "--network",
              net.file().toString(),
              "--report",
              tmp.resolve("get.json").toString());
      assertEquals(0, get, Files.readString(getLog));
    }
    assertEquals(SIZE, Files.size(restored));
    assertArrayEquals(want, BenchE2eCommand.sha256(restored), "SHA-256 of the restored file");
    JsonNode u = JsonReport.mapper().readTree(tmp.resolve("up.json").toFile());
    assertEquals(SIZE, u.get("fileSize").asLong());
    assertEquals(256, u.get("segmentCount").asInt());
    assertEquals(SIZE / 4 * 6 + 256L * 6 * 4, u.get("shardBytes").asLong(), "k=4 m=2 expansion");
    JsonNode g = JsonReport.mapper().readTree(tmp.resolve("get.json").toFile());
    assertEquals(SIZE, g.get("bytesWritten").asLong());
    assertTrue(Files.readString(tmp.resolve("upload.log")).contains("uploaded big.bin"));
    assertTrue(new File(manifest.toString()).length() < 16 << 20);
  }
}
