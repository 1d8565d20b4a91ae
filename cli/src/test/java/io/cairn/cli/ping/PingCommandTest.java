/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.Main;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PingCommandTest {
  private static int run(StringWriter out, StringWriter err, String... args) {
    return new CommandLine(new Main())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void shouldPingAHostAndPrintRoundTripTimes() throws Exception {
    try (Host host = Host.start(HostConfig.builder().build())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          run(out, err, "ping", host.listenAddress().toString(), "--count", "3", "-i", "10ms");
      assertEquals(0, code, err.toString());
      String text = out.toString();
      assertTrue(text.startsWith("PING " + host.peerId() + "."), text);
      assertEquals(3, text.lines().filter(l -> l.startsWith("Pong received: time=")).count(), text);
      assertTrue(text.contains("Average latency: "), text);
    }
  }

  @Test
  void shouldFailClearlyWhenNobodyListens() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, "ping", "/ip4/127.0.0.1/tcp/" + port, "-n", "1");
    assertEquals(1, code);
    assertTrue(err.toString().contains("DIAL_FAILED"), err.toString());
  }

  @Test
  void shouldRejectABadMultiaddr() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(2, run(out, err, "ping", "/ip4/999.1.1.1/tcp/1"));
    assertTrue(err.toString().contains("invalid multiaddr"), err.toString());
  }
}
