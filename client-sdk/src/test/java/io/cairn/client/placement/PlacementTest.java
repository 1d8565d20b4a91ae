/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.placement.PlacementDecision.Reason;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlacementTest {
  private static final int K_PLUS_M = 6;

  /** A peer whose 32-byte public key is {@code b} repeated (not a curve point; ids don't care). */
  private static PeerId fixedPeer(int b) {
    byte[] raw = new byte[32];
    java.util.Arrays.fill(raw, (byte) b);
    return PeerId.of(Ed25519.PublicKey.of(raw));
  }

  private static List<PeerId> peers(SplittableRandom r, int n) {
    List<PeerId> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] raw = new byte[32];
      r.nextBytes(raw);
      out.add(PeerId.of(Ed25519.PublicKey.of(raw)));
    }
    return out;
  }

  private static Cid cid(SplittableRandom r) {
    byte[] d = new byte[32];
    r.nextBytes(d);
    return Cid.ofDigest(d);
  }

  private static List<ShardRef> shards(SplittableRandom r, int segments, int perSegment) {
    List<ShardRef> out = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      for (int i = 0; i < perSegment; i++) {
        out.add(new ShardRef(cid(r), s, i));
      }
    }
    return out;
  }

  private static <T> List<T> shuffled(List<T> in, long seed) {
    List<T> out = new ArrayList<>(in);
    Collections.shuffle(out, new Random(seed));
    return out;
  }

  // Golden vector, cross-checked with an independent implementation of docs/placement.md:
  // weight = SHA-256(cid binary || peer id binary).
  @Test
  void shouldMatchGoldenWeightsAndRanking() {
    Cid cid = Cid.of("cairn".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        "80552b279ac6571ba0afdb23ac5781e833ca93960358aaa68c965142383e3cfc",
        Placement.weight(cid, fixedPeer(1)).toHex());
    assertEquals(
        "0062aa4a41dff25ff52202525c870e9890bc6486e1cc7f86c9fb83718f5f58cd",
        Placement.weight(cid, fixedPeer(4)).toHex());
    List<PeerId> peers = IntStream.rangeClosed(1, 5).mapToObj(PlacementTest::fixedPeer).toList();
    assertEquals(
        List.of(fixedPeer(5), fixedPeer(3), fixedPeer(1), fixedPeer(2), fixedPeer(4)),
        Placement.rank(cid, peers));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void shouldRankByDescendingWeightWhateverTheInputOrder(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<PeerId> peers = peers(r, 40);
    for (int i = 0; i < 50; i++) {
      Cid cid = cid(r);
      List<PeerId> ranked = Placement.rank(cid, peers);
      assertEquals(40, ranked.size());
      for (int k = 1; k < ranked.size(); k++) {
        assertTrue(
            Placement.weight(cid, ranked.get(k - 1)).compareTo(Placement.weight(cid, ranked.get(k)))
                > 0,
            "seed " + seed);
      }
      List<PeerId> withDuplicates = new ArrayList<>(peers);
      withDuplicates.addAll(peers.subList(0, 10));
      assertEquals(ranked, Placement.rank(cid, shuffled(withDuplicates, seed + i)), "seed " + seed);
    }
    assertEquals(List.of(), Placement.rank(cid(r), List.of()));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void shouldGiveTheSamePlanForShuffledInputs(long seed) throws PlacementException {
    SplittableRandom r = new SplittableRandom(seed);
    List<PeerId> peers = peers(r, 9);
    List<ShardRef> shards = shards(r, 30, K_PLUS_M);
    PlacementPolicy policy =
        PlacementPolicy.DEFAULT
            .withReplicas(2)
            .withExcluded(Set.of(peers.get(0)))
            .withDeprioritised(Set.of(peers.get(1), peers.get(2)));
    PlacementPlan plan = Placement.plan(shards, peers, policy);
    for (int i = 0; i < 5; i++) {
      List<PeerId> morePeers = new ArrayList<>(peers);
      morePeers.add(peers.get(3)); // a duplicate changes nothing
      PlacementPlan again =
          Placement.plan(
              shuffled(shards, seed * 10 + i), shuffled(morePeers, seed * 20 + i), policy);
      assertEquals(plan, again, "seed " + seed + " shuffle " + i);
      assertEquals(plan.explain(), again.explain(), "seed " + seed + " shuffle " + i);
    }
    // Ordered by segment, then index.
    for (int i = 0; i < shards.size(); i++) {
      assertEquals(shards.get(i), plan.shards().get(i).shard());
      assertEquals(plan.shards().get(i), plan.find(shards.get(i)).orElseThrow());
    }
    assertTrue(plan.find(new ShardRef(cid(r), 99, 0)).isEmpty());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  void shouldNeverPutTwoShardsOfASegmentOnOnePeerWhenThereAreEnoughPeers(long seed)
      throws PlacementException {
    SplittableRandom r = new SplittableRandom(seed);
    for (int peerCount : new int[] {6, 7, 10, 50}) {
      List<PeerId> peers = peers(r, peerCount);
      PlacementPlan plan = Placement.plan(shards(r, 200, K_PLUS_M), peers, PlacementPolicy.DEFAULT);
      assertTrue(plan.complete());
      assertEquals(1, maxSegmentLoad(plan), "seed " + seed + ", " + peerCount + " peers");
    }
    // With replicas 2 there are 12 copies per segment: 12 peers still take one each.
    List<PeerId> peers = peers(r, 12);
    PlacementPlan plan =
        Placement.plan(shards(r, 100, K_PLUS_M), peers, PlacementPolicy.DEFAULT.withReplicas(2));
    assertEquals(1, maxSegmentLoad(plan), "seed " + seed + ", replicas 2");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32})
  void shouldSpreadASegmentEvenlyWhenPeersAreFewerThanShards(long seed) throws PlacementException {
    SplittableRandom r = new SplittableRandom(seed);
    for (int peerCount = 1; peerCount < K_PLUS_M; peerCount++) {
      List<PeerId> peers = peers(r, peerCount);
      PlacementPlan plan = Placement.plan(shards(r, 100, K_PLUS_M), peers, PlacementPolicy.DEFAULT);
      int limit = Math.ceilDiv(K_PLUS_M, peerCount);
      assertEquals(limit, maxSegmentLoad(plan), "seed " + seed + ", " + peerCount + " peers");
    }
    // Replicas 2 over 5 peers: 12 copies, at most 3 per peer, and never two copies of one shard.
    List<PeerId> peers = peers(r, 5);
    PlacementPlan plan =
        Placement.plan(shards(r, 100, K_PLUS_M), peers, PlacementPolicy.DEFAULT.withReplicas(2));
    assertTrue(maxSegmentLoad(plan) <= 3, "seed " + seed);
    for (ShardPlacement s : plan.shards()) {
      assertEquals(2, s.replicas().size());
    }
  }

  @Test
  void shouldFollowTheRankingWhenNothingConstrains() throws PlacementException {
    SplittableRandom r = new SplittableRandom(41);
    List<PeerId> peers = peers(r, 20);
    List<ShardRef> shards = shards(r, 50, K_PLUS_M);
    PlacementPlan plan =
        Placement.plan(shards, peers, PlacementPolicy.DEFAULT.withAntiAffinity(false));
    for (ShardPlacement s : plan.shards()) {
      List<PeerId> ranking = Placement.rank(s.shard().cid(), peers);
      assertEquals(ranking.subList(0, 1), s.replicas());
      assertEquals(ranking.subList(1, 17), s.fallbacks());
      assertEquals(1, s.trace().size());
      PlacementDecision d = s.trace().get(0);
      assertEquals(ranking.get(0), d.peer());
      assertEquals(1, d.rank());
      assertEquals(Reason.CHOSEN, d.reason());
    }
  }

  /**
   * Top-choice counts over many CIDs are uniform: chi-square over 19 degrees of freedom against the
   * 0.1% critical value 43.82, both for the plain ranking and for anti-affine plans.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {51, 52, 53})
  void shouldBalanceLoadAcrossPeers(long seed) throws PlacementException {
    SplittableRandom r = new SplittableRandom(seed);
    List<PeerId> peers = peers(r, 20);
    List<ShardRef> shards = shards(r, 3000, K_PLUS_M);
    Map<PeerId, Integer> top = new HashMap<>();
    for (ShardRef s : shards) {
      top.merge(Placement.rank(s.cid(), peers).get(0), 1, Integer::sum);
    }
    assertTrue(chiSquare(top, peers, shards.size()) < 43.82, "seed " + seed + " ranking " + top);
    PlacementPlan plan = Placement.plan(shards, peers, PlacementPolicy.DEFAULT);
    double chi2 = chiSquare(plan.load(), peers, shards.size());
    assertTrue(chi2 < 43.82, "seed " + seed + " plan chi-square " + chi2 + " " + plan.load());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {61, 62})
  void shouldNeverChooseOrFallBackToExcludedPeers(long seed) throws PlacementException {
    SplittableRandom r = new SplittableRandom(seed);
    List<PeerId> peers = peers(r, 15);
    Set<PeerId> excluded = Set.of(peers.get(0), peers.get(5), peers.get(9));
    PlacementPolicy policy =
        PlacementPolicy.DEFAULT.withReplicas(3).withExcluded(excluded).withMaxFallbacks(100);
    PlacementPlan plan = Placement.plan(shards(r, 100, K_PLUS_M), peers, policy);
    int skips = 0;
    for (ShardPlacement s : plan.shards()) {
      for (PeerId p : s.candidates()) {
        assertFalse(excluded.contains(p), "seed " + seed + " " + s.shard());
      }
      assertEquals(15 - 3, s.replicas().size() + s.fallbacks().size());
      for (PlacementDecision d : s.trace()) {
        assertEquals(excluded.contains(d.peer()), d.reason() == Reason.SKIPPED_EXCLUDED);
        if (d.reason() == Reason.SKIPPED_EXCLUDED) {
          skips++;
        }
      }
    }
    assertTrue(skips > 0, "some excluded peer should rank above a chosen one");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {71, 72})
  void shouldChooseDeprioritisedPeersOnlyWhenNeeded(long seed) throws PlacementException {
    SplittableRandom r = new SplittableRandom(seed);
    List<PeerId> healthy = peers(r, 6);
    List<PeerId> suspect = peers(r, 4);
    List<PeerId> all = new ArrayList<>(healthy);
    all.addAll(suspect);
    PlacementPolicy policy = PlacementPolicy.DEFAULT.withDeprioritised(Set.copyOf(suspect));

    // Six healthy peers hold a segment of six shards alone.
    PlacementPlan plan = Placement.plan(shards(r, 100, K_PLUS_M), all, policy);
    for (ShardPlacement s : plan.shards()) {
      assertTrue(healthy.containsAll(s.replicas()), "seed " + seed + " " + s.explain());
      // Fallbacks: the other healthy peers first, then the suspect ones.
      assertEquals(5 + 4, s.fallbacks().size());
      assertTrue(suspect.containsAll(s.fallbacks().subList(5, 9)), "seed " + seed);
    }
    long deprioritisedSkips =
        plan.shards().stream()
            .flatMap(s -> s.trace().stream())
            .filter(d -> d.reason() == Reason.SKIPPED_DEPRIORITISED)
            .count();
    assertTrue(deprioritisedSkips > 0, "suspect peers rank above chosen ones now and then");

    // Four healthy peers: each segment needs exactly two suspect peers to stay one shard per peer.
    List<PeerId> fewer = new ArrayList<>(healthy.subList(0, 4));
    fewer.addAll(suspect);
    plan = Placement.plan(shards(r, 100, K_PLUS_M), fewer, policy);
    Map<Integer, Integer> suspectPerSegment = new HashMap<>();
    for (ShardPlacement s : plan.shards()) {
      PeerId p = s.replicas().get(0);
      if (suspect.contains(p)) {
        suspectPerSegment.merge(s.shard().segment(), 1, Integer::sum);
        assertEquals(Reason.CHOSEN_DEPRIORITISED, chosenDecision(s).reason());
      } else {
        assertEquals(Reason.CHOSEN, chosenDecision(s).reason());
      }
    }
    assertEquals(100, suspectPerSegment.size());
    assertTrue(suspectPerSegment.values().stream().allMatch(n -> n == 2), "seed " + seed);
    assertEquals(1, maxSegmentLoad(plan));
  }

  /**
   * Adding one peer to n moves about 1/(n+1) of the placements, all of them to the new peer (the
   * rendezvous property); anti-affinity adds only a little churn inside a segment.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {81, 82, 83})
  void shouldMoveFewPlacementsWhenAPeerJoins(long seed) throws PlacementException {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 20;
    List<PeerId> before = peers(r, n);
    PeerId joiner = peers(r, 1).get(0);
    List<PeerId> after = new ArrayList<>(before);
    after.add(joiner);
    List<ShardRef> shards = shards(r, 2000, K_PLUS_M);
    int total = shards.size();
    double expected = 1.0 / (n + 1);
    double sigma = Math.sqrt(expected * (1 - expected) / total);

    int moved = 0;
    for (ShardRef s : shards) {
      PeerId a = Placement.rank(s.cid(), before).get(0);
      PeerId b = Placement.rank(s.cid(), after).get(0);
      if (!a.equals(b)) {
        moved++;
        assertEquals(joiner, b, "seed " + seed + ": a top choice moved to an old peer");
      }
    }
    double share = moved / (double) total;
    assertEquals(expected, share, 4.5 * sigma, "seed " + seed + " ranking churn");

    PlacementPlan p1 = Placement.plan(shards, before, PlacementPolicy.DEFAULT);
    PlacementPlan p2 = Placement.plan(shards, after, PlacementPolicy.DEFAULT);
    int planMoved = 0;
    for (int i = 0; i < total; i++) {
      if (!p1.shards().get(i).replicas().equals(p2.shards().get(i).replicas())) {
        planMoved++;
      }
    }
    double planShare = planMoved / (double) total;
    System.out.printf(
        "seed %d: 1/(n+1) = %.4f, ranking moved %.4f, anti-affine plan moved %.4f%n",
        seed, expected, share, planShare);
    assertTrue(planShare >= expected - 4.5 * sigma, "seed " + seed + " plan churn " + planShare);
    assertTrue(planShare <= 2 * expected, "seed " + seed + " plan churn " + planShare);
  }

  @Test
  void shouldFailClearlyWithoutEligiblePeers() {
    SplittableRandom r = new SplittableRandom(91);
    List<ShardRef> shards = shards(r, 1, K_PLUS_M);
    PlacementException e =
        assertThrows(
            PlacementException.class,
            () -> Placement.plan(shards, List.of(), PlacementPolicy.DEFAULT));
    assertEquals("no peers to place shards on: the peer set is empty", e.getMessage());
    List<PeerId> peers = peers(r, 3);
    e =
        assertThrows(
            PlacementException.class,
            () ->
                Placement.plan(
                    shards, peers, PlacementPolicy.DEFAULT.withExcluded(Set.copyOf(peers))));
    assertEquals(
        "no eligible peers to place shards on: all 3 known peers are excluded by the policy",
        e.getMessage());
  }

  @Test
  void shouldPlaceWhatItCanWithFewerPeersThanReplicas() throws PlacementException {
    SplittableRandom r = new SplittableRandom(92);
    List<PeerId> peers = peers(r, 4);
    PlacementPolicy policy =
        PlacementPolicy.DEFAULT.withReplicas(3).withExcluded(Set.of(peers.get(0)));
    PlacementPlan plan = Placement.plan(shards(r, 10, K_PLUS_M), peers.subList(0, 3), policy);
    assertFalse(plan.complete());
    for (ShardPlacement s : plan.shards()) {
      assertEquals(Set.copyOf(peers.subList(1, 3)), Set.copyOf(s.replicas()));
      assertEquals(1, s.shortfall());
      assertEquals(List.of(), s.fallbacks());
      assertTrue(
          s.explain().contains("short of 1 replica: not enough eligible peers"), s.explain());
    }
  }

  @Test
  void shouldRejectBadInputsWithClearMessages() {
    SplittableRandom r = new SplittableRandom(93);
    Cid cid = cid(r);
    List<PeerId> peers = peers(r, 3);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Placement.plan(
                    List.of(new ShardRef(cid, 0, 1), new ShardRef(cid(r), 0, 1)),
                    peers,
                    PlacementPolicy.DEFAULT));
    assertEquals("two shards at segment 0, index 1", e.getMessage());
    assertEquals(
        "replicas must be in 1..64, got 0",
        assertThrows(IllegalArgumentException.class, () -> PlacementPolicy.DEFAULT.withReplicas(0))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> PlacementPolicy.DEFAULT.withReplicas(65));
    assertThrows(
        IllegalArgumentException.class, () -> PlacementPolicy.DEFAULT.withMaxFallbacks(-1));
    assertEquals(
        "shard index must be in 0..255, got 256",
        assertThrows(IllegalArgumentException.class, () -> new ShardRef(cid, 0, 256)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ShardRef(cid, -1, 0));
    List<PeerId> withNull = new ArrayList<>(peers);
    withNull.add(null);
    assertThrows(
        NullPointerException.class,
        () -> Placement.plan(List.of(new ShardRef(cid, 0, 0)), withNull, PlacementPolicy.DEFAULT));
  }

  @Test
  void shouldExplainEachSkip() throws PlacementException {
    // Fixed peers and a fixed CID, whose ranking is 5, 3, 1, 2, 4 (see the golden test).
    Cid cid = Cid.of("cairn".getBytes(StandardCharsets.US_ASCII));
    List<PeerId> peers = IntStream.rangeClosed(1, 5).mapToObj(PlacementTest::fixedPeer).toList();
    PlacementPolicy policy =
        PlacementPolicy.DEFAULT
            .withExcluded(Set.of(fixedPeer(5)))
            .withDeprioritised(Set.of(fixedPeer(3)))
            .withMaxFallbacks(2);
    ShardPlacement s =
        Placement.plan(List.of(new ShardRef(cid, 0, 0)), peers, policy).shards().get(0);
    assertEquals(List.of(fixedPeer(1)), s.replicas());
    assertEquals(List.of(fixedPeer(2), fixedPeer(4)), s.fallbacks());
    assertEquals(
        List.of(
            new PlacementDecision(fixedPeer(5), 1, Reason.SKIPPED_EXCLUDED, 0),
            new PlacementDecision(fixedPeer(3), 2, Reason.SKIPPED_DEPRIORITISED, 0),
            new PlacementDecision(fixedPeer(1), 3, Reason.CHOSEN, 0)),
        s.trace());
    String text = s.explain();
    assertTrue(text.contains("#1 " + fixedPeer(5) + " skipped: excluded by policy"), text);
    assertTrue(text.contains("#2 " + fixedPeer(3) + " skipped: deprioritised"), text);
    assertTrue(text.contains("#3 " + fixedPeer(1) + " chosen"), text);
    assertTrue(text.contains("fallbacks: " + fixedPeer(2) + " " + fixedPeer(4)), text);

    // A second shard of the same segment with the same bytes: anti-affinity sends it elsewhere.
    PlacementPlan plan =
        Placement.plan(List.of(new ShardRef(cid, 0, 0), new ShardRef(cid, 0, 1)), peers, policy);
    ShardPlacement second = plan.shards().get(1);
    assertEquals(List.of(fixedPeer(2)), second.replicas());
    assertTrue(
        second
            .trace()
            .contains(new PlacementDecision(fixedPeer(1), 3, Reason.SKIPPED_ANTI_AFFINITY, 1)),
        second.explain());
    assertTrue(
        second.explain().contains("skipped: anti-affinity (holds 1 of this segment already)"));
    assertNotEquals(plan.shards().get(0).replicas(), second.replicas());
  }

  @Test
  void shouldChooseOverTheLimitOnlyWhenReplicasForceIt() throws PlacementException {
    // 3 shards x 2 replicas over 3 peers: limit 2, and the last shard may find only full peers.
    SplittableRandom r = new SplittableRandom(94);
    List<PeerId> peers = peers(r, 3);
    for (int i = 0; i < 50; i++) {
      PlacementPlan plan =
          Placement.plan(shards(r, 1, 3), peers, PlacementPolicy.DEFAULT.withReplicas(2));
      assertTrue(plan.complete());
      for (ShardPlacement s : plan.shards()) {
        assertEquals(2, Set.copyOf(s.replicas()).size());
        for (PlacementDecision d : s.trace()) {
          if (d.reason() == Reason.CHOSEN_OVER_LIMIT) {
            assertTrue(d.segmentLoad() >= 2, s.explain());
          }
        }
      }
      assertTrue(plan.load().values().stream().allMatch(n -> n <= 3), plan.explain());
    }
  }

  private static PlacementDecision chosenDecision(ShardPlacement s) {
    return s.trace().stream().filter(d -> d.reason().chosen()).findFirst().orElseThrow();
  }

  private static int maxSegmentLoad(PlacementPlan plan) {
    Map<Integer, Map<PeerId, Integer>> perSegment = new HashMap<>();
    for (ShardPlacement s : plan.shards()) {
      Set<PeerId> distinct = new HashSet<>(s.replicas());
      assertEquals(s.replicas().size(), distinct.size(), "a shard twice on one peer");
      for (PeerId p : s.replicas()) {
        perSegment
            .computeIfAbsent(s.shard().segment(), k -> new HashMap<>())
            .merge(p, 1, Integer::sum);
      }
    }
    return perSegment.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToInt(Integer::intValue)
        .max()
        .orElse(0);
  }

  private static double chiSquare(Map<PeerId, Integer> counts, List<PeerId> peers, int total) {
    double expected = total / (double) peers.size();
    double chi2 = 0;
    for (PeerId p : peers) {
      double c = counts.getOrDefault(p, 0);
      chi2 += (c - expected) * (c - expected) / expected;
    }
    return chi2;
  }
}
