/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
  static final PeerId P1 = peer(1);
  static final PeerId P2 = peer(2);

  @TempDir Path dir;

  static PeerId peer(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    return PeerId.of(Ed25519.fromSeed(seed).publicKey());
  }

  @Test
  void shouldUseDefaultsWithoutAFile() throws ConfigException {
    NodeConfig c = NodeConfig.load(dir, Map.of());

    assertEquals(List.of(Multiaddr.parse("/ip4/0.0.0.0/tcp/4001")), c.listen());
    assertEquals(List.of(), c.bootstrap());
    assertEquals(Set.of(), c.allowlist());
    assertEquals(10L << 30, c.quotaBytes());
    assertEquals("127.0.0.1", c.metricsHost());
    assertEquals(0, c.metricsPort());
  }

  @Test
  void shouldReadTheFileAndLetFlagsOverrideIt() throws Exception {
    Files.writeString(
        dir.resolve(NodeConfig.FILE_NAME),
        "# a node\n"
            + "listen = /ip4/127.0.0.1/tcp/5001, /ip6/::1/tcp/5001\n"
            + "bootstrap = /ip4/10.0.0.5/tcp/4001/p2p/"
            + P1
            + "\n"
            + "allowlist = "
            + P1
            + " "
            + P2
            + "\n"
            + "quota = 500MB\n"
            + "metrics.port = 9000\n",
        StandardCharsets.UTF_8);

    NodeConfig c = NodeConfig.load(dir, Map.of("quota", "2GiB", "metrics.port", "0"));

    assertEquals(
        List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/5001"), Multiaddr.parse("/ip6/::1/tcp/5001")),
        c.listen());
    assertEquals(P1, c.bootstrap().getFirst().peerId().get());
    assertEquals(Set.of(P1, P2), c.allowlist());
    assertEquals(2L << 30, c.quotaBytes());
    assertEquals(0, c.metricsPort());
  }

  @Test
  void shouldSayWhereABadValueCameFrom() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> NodeConfig.resolve(Map.of("quota", "lots"), Map.of()));
    assertTrue(e.getMessage().startsWith("quota (from node.properties): "), e.getMessage());

    e =
        assertThrows(
            ConfigException.class,
            () -> NodeConfig.resolve(Map.of(), Map.of("metrics.port", "70000")));
    assertTrue(e.getMessage().startsWith("metrics.port (from command line): "), e.getMessage());
  }

  @Test
  void shouldRefuseUnknownSettings() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> NodeConfig.resolve(Map.of("quota_bytes", "1"), Map.of()));
    assertTrue(e.getMessage().contains("unknown setting 'quota_bytes'"), e.getMessage());
    assertTrue(e.getMessage().contains("quota"), e.getMessage());
  }

  @Test
  void shouldRequireBootstrapAddressesToNameTheirPeer() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> NodeConfig.resolve(Map.of("bootstrap", "/ip4/10.0.0.5/tcp/4001"), Map.of()));
    assertTrue(e.getMessage().contains("/p2p/<peer id>"), e.getMessage());
  }

  @Test
  void shouldRefuseBadPeerIdsAndAddresses() {
    assertThrows(
        ConfigException.class,
        () -> NodeConfig.resolve(Map.of("allowlist", "12D3KooWnotapeer"), Map.of()));
    assertThrows(
        ConfigException.class,
        () -> NodeConfig.resolve(Map.of("listen", "/ip4/1.2.3.4/tcp/99999"), Map.of()));
    assertThrows(ConfigException.class, () -> NodeConfig.resolve(Map.of("listen", " "), Map.of()));
  }

  @Test
  void shouldRefuseAFileThatIsNotUtf8() throws Exception {
    Files.write(dir.resolve(NodeConfig.FILE_NAME), new byte[] {'q', '=', (byte) 0xff});

    ConfigException e = assertThrows(ConfigException.class, () -> NodeConfig.load(dir, Map.of()));
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }
}
