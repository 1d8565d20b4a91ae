/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFileTest {
  @TempDir Path dir;

  private final StringWriter errText = new StringWriter();
  private final PrintWriter err = new PrintWriter(errText, true);

  private static PeerId peer(int seed) {
    byte[] s = new byte[32];
    s[0] = (byte) seed;
    return PeerId.of(Ed25519.fromSeed(s).publicKey());
  }

  private static NetworkFile sample() {
    PeerId a = peer(1);
    PeerId b = peer(2);
    return new NetworkFile(
        Instant.parse("2026-03-01T10:00:00Z"),
        List.of(
            new NetworkFile.Node(
                "node-1",
                a,
                Multiaddr.parse("/ip4/127.0.0.1/tcp/4001/p2p/" + a),
                OptionalLong.of(ProcessHandle.current().pid()),
                Optional.of("node-1"),
                Optional.of("http://127.0.0.1:9101/metrics")),
            NetworkFile.Node.of("node-2", b, Multiaddr.parse("/ip4/127.0.0.1/tcp/4002"))));
  }

  private CliEnv env(Map<String, String> vars) {
    return CliEnv.of(vars, dir.resolve("home"));
  }

  @Test
  void shouldRoundTripThroughJson() throws Exception {
    NetworkFile f = sample();
    Path file = dir.resolve("net").resolve(NetworkFile.FILE_NAME);
    f.write(file);
    assertEquals(f, NetworkFile.read(file));
    String json = Files.readString(file);
    assertTrue(json.contains("\"schema\" : \"cairn.network/v1\""), json);
    assertFalse(json.contains("\"pid\" : null"), json);
    assertEquals(
        List.of(
            f.nodes().get(0).multiaddr(),
            Multiaddr.parse("/ip4/127.0.0.1/tcp/4002/p2p/" + peer(2))),
        f.dialAddresses());
    assertEquals(Optional.of(dir.resolve("node-1")), f.nodes().get(0).dataDirIn(dir));
  }

  @Test
  void shouldIgnoreUnknownFieldsAndAcceptNulls() throws Exception {
    String json =
        "{\"schema\":\"cairn.network/v1\",\"createdAt\":\"2026-03-01T10:00:00Z\",\"future\":[1],"
            + "\"nodes\":[{\"name\":\"n\",\"peerId\":\""
            + peer(3)
            + "\",\"multiaddr\":\"/ip4/10.0.0.1/tcp/1\",\"pid\":null,\"dataDir\":null,\"x\":{}}]}";
    NetworkFile f = NetworkFile.parse(json.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, f.nodes().size());
    assertTrue(f.nodes().get(0).pid().isEmpty());
  }

  @Test
  void shouldNameTheFieldThatIsWrong() {
    String head =
        "{\"schema\":\"cairn.network/v1\",\"createdAt\":\"2026-03-01T10:00:00Z\",\"nodes\":[";
    String good =
        "{\"name\":\"n\",\"peerId\":\"" + peer(3) + "\",\"multiaddr\":\"/ip4/10.0.0.1/tcp/1\"}";
    assertMessage("{}", "schema must be a string");
    assertMessage("[1]", "expected a JSON object");
    assertMessage("{\"schema\":\"cairn.network/v9\"}", "this build reads 'cairn.network/v1'");
    assertMessage(head.replace("2026-03-01T10:00:00Z", "yesterday") + "]}", "createdAt");
    assertMessage(
        head + good.replace(peer(3).toString(), "12D3KooWnope") + "]}", "nodes[0].peerId");
    assertMessage(head + good.replace("/ip4/10.0.0.1/tcp/1", "ip4") + "]}", "nodes[0].multiaddr");
    assertMessage(head + good + "," + good + "]}", "two nodes are named n");
    assertMessage(head + good.replace("\"n\"", "\"bad name\"") + "]}", "nodes[0]: node name");
    assertMessage(
        head + good.replace("/ip4/10.0.0.1/tcp/1", "/ip4/10.0.0.1/tcp/1/p2p/" + peer(4)) + "]}",
        "multiaddr names peer");
    assertMessage(
        head + good.replace("}", ",\"pid\":\"12\"}") + "]}", "nodes[0].pid must be an integer");
    assertMessage(head + good.replace("}", ",\"pid\":-1}") + "]}", "pid must be positive");
    assertMessage("{\"schema\":", "not valid JSON");
    assertMessage("[".repeat(100), "not valid JSON");
  }

  private static void assertMessage(String json, String expected) {
    NetworkFileException e =
        assertThrows(
            NetworkFileException.class,
            () -> NetworkFile.parse(json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void shouldRefuseAnOversizedFile() throws Exception {
    Path file = dir.resolve("big.json");
    Files.write(file, new byte[NetworkFile.MAX_BYTES + 1]);
    NetworkFileException e = assertThrows(NetworkFileException.class, () -> NetworkFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void shouldFindTheDefaultDirectoryInTheEnvironmentOrUnderHome() {
    assertEquals(dir.resolve("home/.cairn/network"), NetworkFile.defaultDir(env(Map.of())));
    assertEquals(
        Path.of("/srv/net/network.json"),
        NetworkFile.defaultFile(env(Map.of(NetworkFile.DIR_VARIABLE, "/srv/net"))));
  }

  @Test
  void shouldResolveTheDefaultNetworkFile() throws Exception {
    NetworkFile f = sample();
    f.write(dir.resolve("home/.cairn/network/network.json"));
    NetworkOptions.Target t =
        NetworkOptions.resolve(Optional.empty(), List.of(), env(Map.of()), err);
    assertEquals(f.dialAddresses(), t.addresses());
    assertEquals(Optional.of(f), t.file());
    assertEquals(Optional.of(dir.resolve("home/.cairn/network")), t.directory());
    assertEquals("", errText.toString()); // node-1 has this test's pid, so it looks alive
  }

  @Test
  void shouldAddBootstrapAddressesToTheNetworkFile() throws Exception {
    Path file = dir.resolve("elsewhere.json");
    sample().write(file);
    String extra = "/ip4/192.0.2.7/tcp/4001";
    NetworkOptions.Target t =
        NetworkOptions.resolve(Optional.of(file), List.of(extra), env(Map.of()), err);
    assertEquals(3, t.addresses().size());
    assertEquals(Multiaddr.parse(extra), t.addresses().get(2));

    NetworkOptions.Target only =
        NetworkOptions.resolve(Optional.empty(), List.of(extra), env(Map.of()), err);
    assertEquals(List.of(Multiaddr.parse(extra)), only.addresses());
    assertTrue(only.file().isEmpty());
  }

  @Test
  void shouldExplainHowToGetANetworkWhenThereIsNone() {
    CliException e =
        assertThrows(
            CliException.class,
            () -> NetworkOptions.resolve(Optional.empty(), List.of(), env(Map.of()), err));
    assertEquals(ExitCodes.NETWORK_UNAVAILABLE, e.exitCode());
    assertTrue(e.getMessage().startsWith(NetworkOptions.NO_NETWORK), e.getMessage());
    assertTrue(e.getMessage().contains(dir.resolve("home/.cairn/network/network.json").toString()));

    CliException missing =
        assertThrows(
            CliException.class,
            () ->
                NetworkOptions.resolve(
                    Optional.of(dir.resolve("nope.json")), List.of(), env(Map.of()), err));
    assertEquals(ExitCodes.NETWORK_UNAVAILABLE, missing.exitCode());
    assertTrue(missing.getMessage().contains("./cairn up"), missing.getMessage());

    CliException bad =
        assertThrows(
            CliException.class,
            () ->
                NetworkOptions.resolve(Optional.empty(), List.of("tcp:4001"), env(Map.of()), err));
    assertEquals(ExitCodes.USAGE, bad.exitCode());
  }

  @Test
  void shouldWarnWhenNoNodeProcessIsRunning() throws Exception {
    Path file = dir.resolve("stopped.json");
    PeerId a = peer(5);
    long deadPid = Long.MAX_VALUE / 2; // no process has this id
    new NetworkFile(
            Instant.EPOCH,
            List.of(
                new NetworkFile.Node(
                    "a",
                    a,
                    Multiaddr.parse("/ip4/127.0.0.1/tcp/9"),
                    OptionalLong.of(deadPid),
                    Optional.empty(),
                    Optional.empty())))
        .write(file);
    NetworkOptions.resolve(Optional.of(file), List.of(), env(Map.of()), err);
    assertTrue(errText.toString().contains("none of the node processes"), errText.toString());
  }
}
