/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import static io.cairn.client.engine.Fixture.SEG;
import static io.cairn.client.engine.Fixture.data;
import static io.cairn.client.engine.Fixture.events;
import static io.cairn.client.engine.Fixture.retrieve;
import static io.cairn.client.engine.Fixture.upload;
import static io.cairn.client.engine.Fixture.uploadOptions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.engine.FakeNode.Behaviour;
import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.manifest.ShardReceipt;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.StoreReceipt;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadEngineTest {

  /** Every shard's placement is backed by a valid receipt from each listed peer, which holds it. */
  static void assertPlacementIsReal(FakeNetwork net, Manifest manifest, String seed)
      throws Exception {
    for (ShardEntry e : manifest.shards()) {
      assertFalse(e.placement().isEmpty(), seed + ": " + e);
      assertEquals(e.placement().size(), e.receipts().size(), seed + ": " + e);
      for (ShardReceipt sr : e.receipts()) {
        StoreReceipt r = Receipts.fromManifest(sr);
        assertTrue(r.verify(sr.node()), seed);
        assertEquals(e.cid(), r.cid(), seed);
        assertEquals(e.size(), r.size(), seed);
        assertEquals(net.localPeer(), r.client(), seed);
      }
      for (PeerId p : e.placement()) {
        assertTrue(net.node(p).holds(e.cid()), seed + ": " + p + " does not hold " + e);
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void shouldRoundTripAMultiSegmentFileThroughEightNodes(long seed) throws Exception {
    String s = "seed " + seed;
    FakeNetwork net = new FakeNetwork(seed, 8);
    byte[] plaintext = data(SEG * 5 + 12_345, seed);
    Fixture.Uploaded up = upload(net, plaintext, seed);
    Manifest m = up.manifest();
    assertEquals(6, m.segmentCount(), s);
    assertEquals(plaintext.length, m.fileSize(), s);
    assertEquals("data.bin", m.fileName().orElseThrow(), s);
    assertPlacementIsReal(net, m, s);
    for (int seg = 0; seg < m.segmentCount(); seg++) {
      Set<PeerId> holders = new HashSet<>();
      for (ShardEntry e : m.segmentShards(seg)) {
        assertEquals(1, e.placement().size(), s);
        holders.addAll(e.placement());
      }
      assertEquals(6, holders.size(), s + ": anti-affinity, segment " + seg);
    }
    UploadReport report = up.report();
    assertEquals(36, report.shards().size(), s);
    assertEquals(List.of(), report.failures(), s);
    assertEquals(0, report.fallbacksUsed(), s);
    assertEquals(plaintext.length, report.fileSize(), s);
    assertEquals(m.shards().stream().mapToLong(ShardEntry::size).sum(), report.bytesStored(), s);
    assertEquals(36, events(up.trace(), TraceEvent.ShardPlaced.class).size(), s);
    assertEquals(36, events(up.trace(), TraceEvent.ShardStored.class).size(), s);
    assertTrue(up.observations().stream().allMatch(o -> o.outcome() == Outcome.OK), s);
    assertEquals(36, up.observations().size(), s);

    Fixture.Retrieved back = retrieve(net, up.manifestBytes(), seed);
    assertArrayEquals(plaintext, back.plaintext(), s);
    assertEquals(List.of(), back.trace(), s + ": an intact file needs no fallback");
    assertEquals(plaintext.length, back.report().bytesWritten(), s);
    assertEquals(24, back.report().shardsFetched(), s + ": k shards per segment");
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {4, 5, 6})
  void shouldFallBackWhenAChosenNodeRefusesOrIsDown(long seed) throws Exception {
    String s = "seed " + seed;
    FakeNetwork net = new FakeNetwork(seed, 8);
    FakeNode down = net.nodes().get(0).is(Behaviour.DOWN);
    FakeNode full = net.nodes().get(1).is(Behaviour.REFUSE_STORES);
    byte[] plaintext = data(SEG * 6, seed);
    Fixture.Uploaded up = upload(net, plaintext, seed);
    Manifest m = up.manifest();
    assertPlacementIsReal(net, m, s);
    for (ShardEntry e : m.shards()) {
      assertFalse(e.placement().contains(down.id()), s + ": " + e);
      assertFalse(e.placement().contains(full.id()), s + ": " + e);
    }
    List<FailedAttempt> failures = up.report().failures();
    assertTrue(
        failures.stream()
            .anyMatch(f -> f.peer().equals(down.id()) && f.outcome() == Outcome.UNREACHABLE),
        s + ": " + failures);
    assertTrue(
        failures.stream()
            .anyMatch(
                f ->
                    f.peer().equals(full.id())
                        && f.outcome() == Outcome.REFUSED
                        && f.refusal().orElseThrow() == ErrorCode.QUOTA_EXCEEDED),
        s + ": " + failures);
    List<TraceEvent.StoreAttemptFailed> failed =
        events(up.trace(), TraceEvent.StoreAttemptFailed.class);
    assertEquals(failures.size(), failed.size(), s);
    List<TraceEvent.ShardStored> fellBack =
        events(up.trace(), TraceEvent.ShardStored.class).stream()
            .filter(TraceEvent.ShardStored::fallback)
            .toList();
    assertFalse(fellBack.isEmpty(), s);
    for (TraceEvent.ShardStored st : fellBack) {
      assertTrue(st.attempt() >= 2, s + ": " + st);
      ShardEntry e = m.shard((int) st.segment(), st.index());
      assertEquals(List.of(st.peer()), e.placement(), s + ": the manifest lists the peer used");
    }
    assertEquals(fellBack.size(), up.report().fallbacksUsed(), s);
    assertArrayEquals(plaintext, retrieve(net, up.manifestBytes(), seed).plaintext(), s);
  }

  @Test
  void shouldRefuseBadReceiptsAndTimeoutsAndFallBack() throws Exception {
    long seed = 7;
    FakeNetwork net = new FakeNetwork(seed, 8);
    FakeNode forger = net.nodes().get(2).is(Behaviour.WRONG_KEY);
    FakeNode future = net.nodes().get(3).is(Behaviour.FUTURE_RECEIPTS);
    FakeNode slow = net.nodes().get(4).is(Behaviour.SLOW);
    Fixture.Uploaded up = upload(net, data(SEG * 6, seed), seed);
    assertPlacementIsReal(net, up.manifest(), "seed " + seed);
    Set<Outcome> forgerOutcomes =
        up.report().failures().stream()
            .filter(f -> f.peer().equals(forger.id()))
            .map(FailedAttempt::outcome)
            .collect(Collectors.toSet());
    Set<Outcome> futureOutcomes =
        up.report().failures().stream()
            .filter(f -> f.peer().equals(future.id()))
            .map(FailedAttempt::outcome)
            .collect(Collectors.toSet());
    Set<Outcome> slowOutcomes =
        up.report().failures().stream()
            .filter(f -> f.peer().equals(slow.id()))
            .map(FailedAttempt::outcome)
            .collect(Collectors.toSet());
    assertEquals(Set.of(Outcome.TIMEOUT), slowOutcomes, up.report().failures().toString());
    assertEquals(Set.of(Outcome.BAD_SIGNATURE), forgerOutcomes, up.report().failures().toString());
    assertEquals(Set.of(Outcome.BAD_TIME), futureOutcomes, up.report().failures().toString());
    for (ShardEntry e : up.manifest().shards()) {
      assertFalse(e.placement().contains(forger.id()));
      assertFalse(e.placement().contains(future.id()));
      assertFalse(e.placement().contains(slow.id()));
    }
    // They stored the bytes and answered with receipts the client refused: no manifest names
    // those copies, so the upload deleted them again.
    assertEquals(0, forger.shardCount(), "the forger's copies were released");
    assertEquals(0, future.shardCount(), "the future-dated copies were released");
    assertTrue(
        up.observations().stream()
            .anyMatch(
                o ->
                    o.peer().equals(forger.id())
                        && o.outcome() == Outcome.BAD_SIGNATURE
                        && o.operation() == NodeObservation.Operation.STORE));
  }

  @Test
  void shouldFailNamingTheShardWhenNoPeerAcceptsIt() throws Exception {
    long seed = 8;
    FakeNetwork net = new FakeNetwork(seed, 8);
    for (FakeNode n : net.nodes()) {
      n.is(Behaviour.REFUSE_STORES);
    }
    UploadEngine engine =
        new UploadEngine(
            net, net, uploadOptions(net, 4, 2), Fixture.random(seed), EngineListener.NONE);
    UploadException e =
        assertThrows(
            UploadException.class,
            () ->
                engine.upload(
                    new ByteArrayInputStream(data(SEG * 3, seed)),
                    Fixture.PASSWORD,
                    PlacementPolicy.DEFAULT,
                    UploadEngine.FileInfo.NONE,
                    io.cairn.client.trace.Trace.NONE));
    assertTrue(e.shard().isPresent(), e.getMessage());
    assertEquals(8, e.attempts().size(), "every peer was tried once: " + e.getMessage());
    assertEquals(
        8, e.attempts().stream().map(FailedAttempt::peer).distinct().count(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("shard (segment " + e.shard().get().segment() + ", index "),
        e.getMessage());
    assertTrue(e.getMessage().contains("no peer accepted it after 8 tries"), e.getMessage());
    assertTrue(e.getMessage().contains("QUOTA_EXCEEDED"), e.getMessage());
  }

  @Test
  void shouldDeleteEveryStoredCopyWhenTheUploadFails() throws Exception {
    long seed = 10;
    FakeNetwork net = new FakeNetwork(seed, 6);
    // Room for about two segments' shards in all: the network fills up part way through.
    for (FakeNode n : net.nodes()) {
      n.quota(2L * SEG / 4 + 100);
    }
    UploadEngine engine =
        new UploadEngine(
            net, net, uploadOptions(net, 4, 2), Fixture.random(seed), EngineListener.NONE);
    List<TraceEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    assertThrows(
        UploadException.class,
        () ->
            engine.upload(
                new ByteArrayInputStream(data(SEG * 8, seed)),
                Fixture.PASSWORD,
                PlacementPolicy.DEFAULT,
                UploadEngine.FileInfo.NONE,
                events::add));
    Set<String> stored =
        events.stream()
            .filter(e -> e instanceof TraceEvent.ShardStored)
            .map(e -> (TraceEvent.ShardStored) e)
            .map(e -> e.peer() + "/" + e.cid())
            .collect(Collectors.toSet());
    List<TraceEvent.ShardReleased> released =
        events.stream()
            .filter(e -> e instanceof TraceEvent.ShardReleased)
            .map(e -> (TraceEvent.ShardReleased) e)
            .toList();
    assertFalse(stored.isEmpty(), "some shards were stored before the network filled up");
    // Every stored copy is released; stores cut short by the failure are released too, in case
    // they landed.
    assertTrue(
        released.stream()
            .map(r -> r.peer() + "/" + r.cid())
            .collect(Collectors.toSet())
            .containsAll(stored),
        "every stored copy was released: " + released);
    assertTrue(released.stream().allMatch(TraceEvent.ShardReleased::released), released.toString());
    for (FakeNode n : net.nodes()) {
      assertEquals(0, n.shardCount(), n.id() + " still holds shards of the failed upload");
    }
  }

  @Test
  void shouldFailBeforeEncodingWhenNoPeerIsEligible() {
    FakeNetwork net = new FakeNetwork(9, 3);
    Set<PeerId> all = net.nodes().stream().map(FakeNode::id).collect(Collectors.toSet());
    UploadEngine engine =
        new UploadEngine(
            net, net, uploadOptions(net, 4, 2), Fixture.random(9), EngineListener.NONE);
    UploadException e =
        assertThrows(
            UploadException.class,
            () ->
                engine.upload(
                    new ByteArrayInputStream(new byte[10]),
                    Fixture.PASSWORD,
                    PlacementPolicy.DEFAULT.withExcluded(all),
                    UploadEngine.FileInfo.NONE,
                    io.cairn.client.trace.Trace.NONE));
    assertTrue(e.getMessage().contains("excluded by the policy"), e.getMessage());
    assertTrue(e.shard().isEmpty());
    assertEquals(0, net.nodes().stream().mapToInt(FakeNode::stores).sum());
  }

  @ParameterizedTest(name = "maxShardsInFlight={0}")
  @ValueSource(ints = {1, 3, 16})
  void shouldKeepAtMostNShardsInFlight(int n) throws Exception {
    long seed = 10 + n;
    FakeNetwork net = new FakeNetwork(seed, 8);
    for (FakeNode node : net.nodes()) {
      node.latency(2);
    }
    Fixture.Uploaded up =
        upload(
            net,
            data(SEG * 8, seed),
            seed,
            uploadOptions(net, 4, 2).withMaxShardsInFlight(n),
            PlacementPolicy.DEFAULT);
    assertEquals(48, up.report().shards().size());
    assertTrue(
        net.maxStoresInFlight() >= 1 && net.maxStoresInFlight() <= n,
        "seed " + seed + ": " + net.maxStoresInFlight() + " stores in flight, limit " + n);
  }

  @Test
  void shouldStoreEveryReplicaOnDistinctPeersAndFallBackPerCopy() throws Exception {
    long seed = 12;
    FakeNetwork net = new FakeNetwork(seed, 8);
    FakeNode down = net.nodes().get(5).is(Behaviour.DOWN);
    Fixture.Uploaded up =
        upload(
            net,
            data(SEG * 3 + 1, seed),
            seed,
            uploadOptions(net, 4, 2),
            PlacementPolicy.DEFAULT.withReplicas(2));
    assertPlacementIsReal(net, up.manifest(), "seed " + seed);
    for (ShardEntry e : up.manifest().shards()) {
      assertEquals(2, e.placement().size(), e.toString());
      assertFalse(e.placement().contains(down.id()));
    }
    assertTrue(up.report().shards().stream().allMatch(x -> x.shortfall() == 0));
    assertArrayEquals(up.plaintext(), retrieve(net, up.manifestBytes(), seed).plaintext());
  }

  @Test
  void shouldRoundTripTheReceiptsKeptInTheManifest() throws Exception {
    FakeNetwork net = new FakeNetwork(13, 6);
    Fixture.Uploaded up = upload(net, data(1000, 13), 13);
    for (ShardEntry e : up.manifest().shards()) {
      ShardReceipt kept = e.receipts().get(0);
      StoreReceipt r = Receipts.fromManifest(kept);
      assertEquals(kept, Receipts.toManifest(r));
    }
    ShardReceipt garbage =
        new ShardReceipt(net.localPeer(), io.cairn.protocol.Bytes.fromHex("0a01ff"));
    assertThrows(io.cairn.protocol.ProtocolException.class, () -> Receipts.fromManifest(garbage));
  }
}
