/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.engine.NodeObservation;
import io.cairn.client.placement.Placement;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.placement.ShardRef;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.sentinel.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's sentinel: evidence in, state saved, placement out. */
class ClientSentinelTest {
  @TempDir Path dir;

  static List<PeerId> peers(int n) {
    List<PeerId> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (i + 1);
      out.add(PeerId.of(Ed25519.fromSeed(seed).publicKey()));
    }
    return out;
  }

  static NodeObservation retrieve(PeerId p, NodeObservation.Outcome o, long at) {
    return new NodeObservation(
        p,
        NodeObservation.Operation.RETRIEVE,
        Cid.of(new byte[] {(byte) at}),
        o,
        o == NodeObservation.Outcome.NOT_FOUND
            ? Optional.of(ErrorCode.NOT_FOUND)
            : Optional.empty(),
        true,
        at,
        5,
        "");
  }

  @Test
  void shouldQuarantineANodeThatServedCorruptDataPersistItAndSkipItInPlacement() throws Exception {
    Path state = dir.resolve("sentinel.json");
    List<PeerId> nodes = peers(7);
    PeerId liar = nodes.get(3);
    long[] now = {1_700_000_000_000L};
    ClientSentinel s = ClientSentinel.load(state, Optional.empty(), () -> now[0]);
    for (int i = 0; i < 20; i++) {
      for (PeerId p : nodes) {
        s.observe(retrieve(p, NodeObservation.Outcome.OK, now[0] + i));
      }
    }
    s.observe(retrieve(liar, NodeObservation.Outcome.CORRUPT_DATA, now[0] + 30));
    s.commit();
    assertTrue(Files.exists(state));
    assertTrue(
        s.summary().transitions().stream()
            .anyMatch(t -> t.node().equals(liar.toString()) && t.to().equals("quarantined")),
        "transitions: " + s.summary().transitions());

    ClientSentinel next = ClientSentinel.load(state, Optional.empty(), () -> now[0] + 60_000);
    assertEquals(Optional.of(NodeState.QUARANTINED), next.state(liar));
    PlacementPolicy policy = next.placement(1, "key");
    assertEquals(Set.of(liar), policy.excluded());
    assertEquals(Set.of(liar), next.excluded());
    List<ShardRef> shards = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      shards.add(new ShardRef(Cid.of(new byte[] {(byte) i, 9}), i / 6, i % 6));
    }
    var plan = Placement.plan(shards, Set.copyOf(nodes), policy);
    plan.shards()
        .forEach(
            sp -> {
              assertFalse(sp.replicas().contains(liar), "placed on the quarantined node: " + sp);
              assertFalse(sp.fallbacks().contains(liar), "listed as a fallback: " + sp);
            });
    assertTrue(next.summary().excluded().contains(liar.toString()));
    assertEquals(next.policyFingerprint().orElseThrow(), next.summary().policyFingerprint());
  }

  @Test
  void shouldNeitherReadNorWriteWhenDisabled() throws Exception {
    ClientSentinel s = ClientSentinel.disabled();
    s.observe(retrieve(peers(1).get(0), NodeObservation.Outcome.CORRUPT_DATA, 1));
    assertTrue(s.commit().isEmpty());
    assertFalse(s.enabled());
    assertEquals(PlacementPolicy.DEFAULT.withReplicas(2), s.placement(2, "k"));
    assertFalse(s.summary().enabled());
    assertFalse(Files.exists(dir.resolve("sentinel.json")));
  }

  @Test
  void shouldRefuseAnInvalidStateFileWithAClearError() throws Exception {
    Path state = dir.resolve("sentinel.json");
    Files.writeString(state, "{not json");
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.cairn.cli.common.CliException.class,
            () -> ClientSentinel.load(state, Optional.empty(), () -> 0L));
    assertTrue(e.getMessage().contains("--no-sentinel"), e.getMessage());
  }
}
