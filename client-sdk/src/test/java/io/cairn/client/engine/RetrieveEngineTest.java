/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import static io.cairn.client.engine.Fixture.PASSWORD;
import static io.cairn.client.engine.Fixture.SEG;
import static io.cairn.client.engine.Fixture.data;
import static io.cairn.client.engine.Fixture.events;
import static io.cairn.client.engine.Fixture.retrieve;
import static io.cairn.client.engine.Fixture.upload;
import static io.cairn.client.engine.Fixture.uploadOptions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.engine.FakeNode.Behaviour;
import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.pipeline.NotEnoughShardsException;
import io.cairn.client.placement.Placement;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.PeerId;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetrieveEngineTest {

  @ParameterizedTest(name = "seed={0} prefetch={1}")
  @CsvSource({"21, true", "22, true", "23, false", "24, true", "25, false"})
  void shouldRetrieveWithMNodesDown(long seed, boolean prefetch) throws Exception {
    String s = "seed " + seed;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 5 + 77, seed), seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<PeerId> down = new HashSet<>();
    while (down.size() < 2) {
      FakeNode n = net.nodes().get(rnd.nextInt(8));
      n.is(Behaviour.DOWN);
      down.add(n.id());
    }
    Fixture.Retrieved back =
        retrieve(
            net,
            up.manifestBytes(),
            RetrieveEngine.Options.defaults().withPrefetch(prefetch),
            seed);
    assertArrayEquals(up.plaintext(), back.plaintext(), s + " down " + down);
    List<TraceEvent.FetchAttemptFailed> failed =
        events(back.trace(), TraceEvent.FetchAttemptFailed.class);
    assertTrue(failed.stream().anyMatch(f -> down.contains(f.peer())), s + ": " + failed);
    assertTrue(
        back.observations().stream()
            .filter(o -> down.contains(o.peer()))
            .allMatch(o -> o.outcome() == Outcome.UNREACHABLE),
        s);
    assertTrue(
        back.observations().stream().anyMatch(o -> down.contains(o.peer()) && o.holder()), s);
    assertTrue(back.report().segmentsReconstructed() > 0, s + ": " + back.report());
  }

  /** Each byzantine retrieval behaviour, and how the engine names it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "CORRUPT_BYTES, CORRUPT_DATA",
    "WRONG_SHARD, CORRUPT_DATA",
    "WRONG_KEY, BAD_SIGNATURE",
    "BAD_PROOF_HASH, BAD_PROOF"
  })
  void shouldCatchABadServingNodeAndUseTheNextPeer(Behaviour behaviour, Outcome expected)
      throws Exception {
    long seed = 31 + behaviour.ordinal();
    String s = "seed " + seed + " " + behaviour;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up =
        upload(
            net,
            data(SEG * 3, seed),
            seed,
            uploadOptions(net, 4, 2),
            PlacementPolicy.DEFAULT.withReplicas(2));
    // The first holder of segment 0's first shard turns bad; its second holder is the fallback.
    ShardEntry victim = up.manifest().shard(0, 0);
    PeerId bad = victim.placement().get(0);
    PeerId good = victim.placement().get(1);
    net.node(bad).is(behaviour);
    Fixture.Retrieved back = retrieve(net, up.manifestBytes(), seed);
    assertArrayEquals(up.plaintext(), back.plaintext(), s);
    List<TraceEvent.ShardRejected> rejected = events(back.trace(), TraceEvent.ShardRejected.class);
    assertTrue(
        rejected.stream()
            .anyMatch(
                r ->
                    r.cid().equals(victim.cid())
                        && r.source().equals(bad.toString())
                        && r.reason().startsWith(expected.name())),
        s + ": " + back.trace());
    assertTrue(
        events(back.trace(), TraceEvent.ShardFetched.class).stream()
            .anyMatch(
                f ->
                    f.cid().equals(victim.cid())
                        && f.peer().equals(good)
                        && f.attempt() == 2
                        && f.fromPlacement()),
        s + ": " + back.trace());
    assertTrue(
        back.observations().stream().anyMatch(o -> o.peer().equals(bad) && o.outcome() == expected),
        s);
    assertTrue(back.report().fallbacksUsed() >= 1, s);
    assertTrue(
        back.report().failures().stream()
            .allMatch(f -> f.peer().equals(bad) && f.outcome() == expected),
        s + ": " + back.report().failures());
  }

  @Test
  void shouldRebuildWhenTheOnlyCopyIsCorrupt() throws Exception {
    long seed = 41;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 2 + 5, seed), seed);
    ShardEntry victim = up.manifest().shard(1, 2);
    net.node(victim.placement().get(0)).is(Behaviour.CORRUPT_BYTES);
    Fixture.Retrieved back = retrieve(net, up.manifestBytes(), seed);
    assertArrayEquals(up.plaintext(), back.plaintext());
    assertTrue(
        events(back.trace(), TraceEvent.ShardRejected.class).stream()
            .anyMatch(r -> r.cid().equals(victim.cid()) && r.reason().contains("CID mismatch")),
        back.trace().toString());
    assertTrue(
        events(back.trace(), TraceEvent.SegmentReconstructed.class).stream()
            .anyMatch(r -> r.segment() == 1 && r.missing().contains(2)),
        back.trace().toString());
    // Peers outside the placement that do not hold the shard are asked only a bounded number of
    // times before the segment is rebuilt from parity, not all seven of them.
    long misses =
        back.report().failures().stream()
            .filter(f -> f.cid().equals(victim.cid()) && f.outcome() == Outcome.NOT_FOUND)
            .count();
    assertEquals(2, misses, back.report().failures().toString());
  }

  @Test
  void shouldUseADeterministicFallbackOutsideThePlacement() throws Exception {
    long seed = 42;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG + 100, seed), seed);
    ShardEntry entry = up.manifest().shard(0, 1);
    FakeNode holder = net.node(entry.placement().get(0));
    // A repair moved the shard to its first deterministic fallback; the old holder lost it.
    List<PeerId> ranking =
        Placement.rank(entry.cid(), net.peers().stream().map(PeerRef::id).toList());
    PeerId fallback =
        ranking.stream().filter(p -> !entry.placement().contains(p)).findFirst().orElseThrow();
    Fixture.Uploaded copy = up;
    net.node(fallback).put(entry.cid(), shardBytes(net, copy, entry));
    holder.drop(entry.cid());
    Fixture.Retrieved back =
        retrieve(
            net, up.manifestBytes(), RetrieveEngine.Options.defaults().withPrefetch(false), seed);
    assertArrayEquals(up.plaintext(), back.plaintext());
    List<TraceEvent.ShardFetched> fetched = events(back.trace(), TraceEvent.ShardFetched.class);
    assertEquals(1, fetched.size(), back.trace().toString());
    assertEquals(fallback, fetched.get(0).peer());
    assertFalse(fetched.get(0).fromPlacement());
    assertEquals(List.of(), events(back.trace(), TraceEvent.SegmentReconstructed.class));
  }

  private static byte[] shardBytes(FakeNetwork net, Fixture.Uploaded up, ShardEntry entry)
      throws Exception {
    PeerId holder = entry.placement().get(0);
    RetrievedShard got =
        net.retrieve(
            net.node(holder).ref(),
            io.cairn.protocol.message.RetrieveRequest.of(entry.cid(), Fixture.random(1)));
    return got.bytes();
  }

  @ParameterizedTest(name = "prefetch={0}")
  @ValueSource(booleans = {true, false})
  void shouldNameTheSegmentWhenTooFewShardsAreLeft(boolean prefetch) throws Exception {
    long seed = 43;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 3, seed), seed);
    for (int i = 0; i < 3; i++) {
      ShardEntry e = up.manifest().shard(1, i);
      net.node(e.placement().get(0)).drop(e.cid());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Trace.Recording trace = Trace.recording();
    NotEnoughShardsException e =
        assertThrows(
            NotEnoughShardsException.class,
            () ->
                Fixture.retrieveEngine(
                        net,
                        RetrieveEngine.Options.defaults().withPrefetch(prefetch),
                        seed,
                        EngineListener.NONE)
                    .retrieve(up.manifestBytes(), PASSWORD, out, trace));
    assertEquals(1, e.segment());
    assertEquals(3, e.found());
    assertEquals(4, e.needed());
    assertTrue(e.getMessage().startsWith("segment 1: found 3 good shards"), e.getMessage());
    assertTrue(out.size() <= SEG, "nothing after segment 0 is written");
    assertTrue(
        events(trace.events(), TraceEvent.ShardUnavailable.class).stream()
            .anyMatch(u -> u.segment() == 1),
        trace.events().toString());
  }

  @Test
  void shouldTellAWrongPasswordFromATamperedManifest() throws Exception {
    long seed = 44;
    FakeNetwork net = new FakeNetwork(seed, 6);
    Fixture.Uploaded up = upload(net, data(5000, seed), seed);
    RetrieveEngine engine =
        Fixture.retrieveEngine(net, RetrieveEngine.Options.defaults(), seed, EngineListener.NONE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ManifestException wrong =
        assertThrows(
            ManifestException.class,
            () -> engine.retrieve(up.manifestBytes(), "wrong".toCharArray(), out, Trace.NONE));
    assertEquals(ManifestException.Reason.WRONG_PASSWORD, wrong.reason());
    byte[] tampered = up.manifestBytes().clone();
    tampered[tampered.length - 1] ^= 0x01; // the auth tag
    ManifestException bad =
        assertThrows(
            ManifestException.class, () -> engine.retrieve(tampered, PASSWORD, out, Trace.NONE));
    assertEquals(ManifestException.Reason.TAMPERED, bad.reason());
    assertNotEquals(wrong.reason(), bad.reason());
    assertEquals(0, out.size());
    assertEquals(0, net.nodes().stream().mapToInt(FakeNode::retrieves).sum());
  }

  @Test
  void shouldFetchTheKShardsOfASegmentConcurrently() throws Exception {
    long seed = 45;
    FakeNetwork net = new FakeNetwork(seed, 8);
    Fixture.Uploaded up = upload(net, data(SEG * 4, seed), seed);
    int[] inFlight = {0};
    int[] max = {0};
    // The first k calls wait for each other (a guard, not a timing: it only ends a broken run).
    java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(4);
    ShardTransport counting =
        new ShardTransport() {
          @Override
          public PeerId localPeer() {
            return net.localPeer();
          }

          @Override
          public io.cairn.protocol.message.StoreReceipt store(
              PeerRef peer,
              io.cairn.protocol.message.StoreRequest r,
              byte[] shard,
              int off,
              int len) {
            throw new UnsupportedOperationException();
          }

          @Override
          public boolean delete(PeerRef peer, io.cairn.protocol.Cid cid) {
            throw new UnsupportedOperationException();
          }

          @Override
          public RetrievedShard retrieve(PeerRef peer, io.cairn.protocol.message.RetrieveRequest r)
              throws TransportException, InterruptedException {
            synchronized (inFlight) {
              inFlight[0]++;
              max[0] = Math.max(max[0], inFlight[0]);
            }
            try {
              together.countDown();
              together.await(30, java.util.concurrent.TimeUnit.SECONDS);
              return net.retrieve(peer, r);
            } finally {
              synchronized (inFlight) {
                inFlight[0]--;
              }
            }
          }

          @Override
          public io.cairn.protocol.message.AuditResponse audit(
              PeerRef peer, io.cairn.protocol.message.AuditChallenge c) {
            throw new UnsupportedOperationException();
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RetrieveEngine(
            counting,
            net,
            RetrieveEngine.Options.defaults().withSegmentThreads(1).withClock(net.clock()),
            Fixture.random(seed),
            EngineListener.NONE)
        .retrieve(up.manifestBytes(), PASSWORD, out, Trace.NONE);
    assertArrayEquals(up.plaintext(), out.toByteArray());
    assertTrue(max[0] >= 4, "max in flight " + max[0]);
    assertTrue(max[0] <= 8, "with one segment thread at most 2 segments' k shards: " + max[0]);
  }
}
