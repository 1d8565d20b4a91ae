/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.Main;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.up.LocalNetwork;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed upload leaves nothing on the nodes: real node processes with room for a few shards each,
 * a file that needs more, and afterwards every node's metrics show no shard and no byte stored.
 */
class UploadCleanupIntegrationTest {
  @TempDir Path tmp;

  private static long gauge(String metricsUrl, String name) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(body);
      assertTrue(m.find(), name + " in\n" + body);
      return (long) Double.parseDouble(m.group(1));
    }
  }

  @Test
  void shouldDeleteTheShardsOfAnUploadThatFailed() throws Exception {
    Path netDir = tmp.resolve("net");
    try (LocalNetwork net =
        LocalNetwork.start(
            netDir, 6, LocalNetwork.Launch.ofCurrentJvm("3MiB"), new PrintWriter(System.err))) {
      // 24 MiB of plaintext is 36 shards of 1 MiB; six nodes of 3 MiB hold 18 of them.
      Path file = tmp.resolve("big.bin");
      byte[] data = new byte[24 << 20];
      new Random(5).nextBytes(data);
      Files.write(file, data);
      Path manifest = tmp.resolve("big.cmf");
      Path report = tmp.resolve("big.json");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              CliEnv.of(Map.of("CAIRN_PASSWORD", "cleanup"), tmp.resolve("home")),
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              "upload",
              file.toString(),
              "-o",
              manifest.toString(),
              "--network",
              netDir.resolve("network.json").toString(),
              "--report",
              report.toString(),
              "--kdf-memory",
              "8",
              "--kdf-iterations",
              "1");
      String both = "exit " + code + "\n" + out + "\n" + err;
      assertEquals(ExitCodes.NETWORK_UNAVAILABLE, code, both);
      assertFalse(Files.exists(manifest), "no manifest for a failed upload");
      String json = Files.readString(report);
      assertTrue(json.contains("shard_released"), json);
      long total = 0;
      for (LocalNetwork.RunningNode n : net.nodes()) {
        String metrics = n.metrics().orElseThrow();
        long shards = gauge(metrics, "cairn_node_shards");
        long bytes = gauge(metrics, "cairn_node_bytes_stored");
        assertEquals(0, shards, n.name() + " keeps shards of the failed upload");
        assertEquals(0, bytes, n.name());
        total += gauge(metrics, "cairn_node_shards_deleted_total");
      }
      assertTrue(total > 0, "the nodes deleted what the upload had stored");
    }
  }
}
