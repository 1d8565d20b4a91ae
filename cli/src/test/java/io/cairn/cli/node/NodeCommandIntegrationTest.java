/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.protocol.Cid;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.message.StoreReceipt;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cairn node run} as an operator runs it: its own process, a config file, SIGTERM. */
class NodeCommandIntegrationTest {
  @TempDir Path dir;

  @Test
  void shouldRunANodeFromTheCommandLineUntilSigterm() throws Exception {
    StringWriter idOut = new StringWriter();
    new CommandLine(new NodeCommand())
        .setOut(new PrintWriter(idOut))
        .execute("id", "--dir", dir.toString());
    String peerId = idOut.toString().strip();
    Path config = dir.resolve("my-node.properties");
    Files.writeString(config, "quota = 1MiB\nlisten = /ip4/127.0.0.1/tcp/0\n");

    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "io.cairn.cli.Main",
                "node",
                "run",
                "--dir",
                dir.toString(),
                "--config",
                config.toString(),
                "--metrics",
                "127.0.0.1:0")
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    try (BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Host host = Host.start(HostConfig.builder().noListen().eventLoopThreads(1).build())) {
      String line;
      Multiaddr address = null;
      while (address == null && (line = out.readLine()) != null) {
        if (line.startsWith("cairn node listening on ")) {
          address = Multiaddr.parse(line.substring("cairn node listening on ".length()));
        }
      }
      if (address == null) {
        fail("no listening line:\n" + Files.readString(dir.resolve("stderr.txt")));
      }
      assertEquals(peerId, address.peerId().orElseThrow().toString());
      assertTrue(address.port() > 0, address.toString());

      byte[] data = new byte[1000];
      CairnClient client = new CairnClient(host, Duration.ofSeconds(30));
      StoreReceipt r =
          client.store(
              address.peerId().orElseThrow(), List.of(address), Cid.of(data), data, 0, data.length);
      assertTrue(r.verify(address.peerId().orElseThrow()));

      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the node did not stop on SIGTERM");
      assertTrue(
          Files.readString(dir.resolve("stderr.txt")).contains("event=node_stopped"),
          Files.readString(dir.resolve("stderr.txt")));
    } finally {
      p.destroyForcibly();
    }
  }
}
