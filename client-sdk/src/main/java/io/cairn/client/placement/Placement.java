/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.placement;

import io.cairn.client.placement.PlacementDecision.Reason;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rendezvous (highest-random-weight) placement of shards on peers (DESIGN.md, "Upload" step 6).
 *
 * <p>A peer's weight for a shard is {@code SHA-256(cid binary (36 bytes) || peer id binary (38
 * bytes))}, compared as an unsigned big-endian number; a shard's ranking lists the peers by
 * descending weight (ties, which need a SHA-256 collision, by ascending peer id bytes). Because
 * each weight depends only on the shard and one peer, adding or removing a peer moves only the
 * shards that peer wins or held: about {@code 1/(n+1)} of them when one peer joins {@code n}.
 *
 * <p>Everything here is a pure, deterministic function of its arguments: the order of the input
 * collections never matters. See {@code docs/placement.md} for the rules in full.
 */
public final class Placement {
  private static final int WEIGHT_LENGTH = 32;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(Placement::newSha256);

  private Placement() {}

  /** A peer's rendezvous weight for a shard: {@code SHA-256(cid bytes || peer id bytes)}. */
  public static Bytes weight(Cid cid, PeerId peer) {
    byte[] w = new byte[WEIGHT_LENGTH];
    weightInto(digest(), cid.toBytes(), peer.toBytes(), w, 0);
    return Bytes.wrap(w);
  }

  /**
   * All distinct peers, highest weight first: the order in which to try peers for a shard when no
   * plan is at hand (retrieval fallbacks). Applies no policy.
   *
   * @return a new list; empty if {@code peers} is
   */
  public static List<PeerId> rank(Cid cid, Collection<PeerId> peers) {
    Objects.requireNonNull(cid, "cid");
    PeerId[] distinct = distinct(peers);
    return Arrays.stream(rankIndices(cid, distinct, bytesOf(distinct)))
        .mapToObj(i -> distinct[i])
        .toList();
  }

  /**
   * Places each shard on {@code policy.replicas()} peers.
   *
   * <p>For each shard, walking its ranking from the top, the first peer that passes these rules is
   * taken, once per replica:
   *
   * <ol>
   *   <li>peers the policy excludes are never taken (nor listed as fallbacks);
   *   <li>a peer already holding a copy of this shard is not taken again;
   *   <li>anti-affinity: a peer may hold at most {@code ceil(copies of the segment / eligible
   *       peers)} copies of one segment's shards, so when there are at least as many eligible peers
   *       as copies (k + m with one replica) no peer holds two shards of a segment, and otherwise
   *       the segment is spread as evenly as possible;
   *   <li>healthy peers before deprioritised ones: a deprioritised peer is taken only when no
   *       healthy peer is within the limit.
   * </ol>
   *
   * If no peer is within the limit (only possible with several replicas), the least loaded peer not
   * yet holding the shard is taken, healthy first, then by rank. A segment's shards are placed in
   * index order, first replicas of all shards before second replicas.
   *
   * @param shards the shards; positions (segment, index) must be unique
   * @param peers the known peers; duplicates are ignored
   * @param policy the rules
   * @return the plan, with fewer replicas than asked for (see {@link PlacementPlan#complete()})
   *     only when there are fewer eligible peers than {@code policy.replicas()}
   * @throws PlacementException if no known peer is eligible
   * @throws IllegalArgumentException if two shards have the same position
   */
  public static PlacementPlan plan(
      List<ShardRef> shards, Collection<PeerId> peers, PlacementPolicy policy)
      throws PlacementException {
    Objects.requireNonNull(shards, "shards");
    Objects.requireNonNull(policy, "policy");
    PeerId[] all = distinct(peers);
    byte[][] allBytes = bytesOf(all);
    int eligible = 0;
    for (PeerId p : all) {
      if (policy.eligible(p)) {
        eligible++;
      }
    }
    if (eligible == 0) {
      throw new PlacementException(
          all.length == 0
              ? "no peers to place shards on: the peer set is empty"
              : "no eligible peers to place shards on: all "
                  + all.length
                  + " known peers are excluded by the policy");
    }
    int replicas = Math.min(policy.replicas(), eligible);
    int shortfall = policy.replicas() - replicas;

    TreeMap<Integer, List<ShardRef>> segments = bySegment(shards);
    List<ShardPlacement> out = new ArrayList<>(shards.size());
    for (List<ShardRef> segment : segments.values()) {
      int copies = segment.size() * replicas;
      int limit = policy.antiAffinity() ? Math.ceilDiv(copies, eligible) : Integer.MAX_VALUE;
      new SegmentPlacer(segment, all, allBytes, policy, replicas, shortfall, limit).place(out);
    }
    return new PlacementPlan(out);
  }

  /** Places the shards of one segment, which share the anti-affinity limit. */
  private static final class SegmentPlacer {
    private final List<ShardRef> shards;
    private final PeerId[] all;
    private final PlacementPolicy policy;
    private final int replicas;
    private final int shortfall;
    private final int limit;
    private final int[][] rankings;
    private final Map<PeerId, Integer> load = new HashMap<>();
    private final List<List<PeerId>> chosen = new ArrayList<>();
    private final List<Map<PeerId, PlacementDecision>> traces = new ArrayList<>();

    SegmentPlacer(
        List<ShardRef> shards,
        PeerId[] all,
        byte[][] allBytes,
        PlacementPolicy policy,
        int replicas,
        int shortfall,
        int limit) {
      this.shards = shards;
      this.all = all;
      this.policy = policy;
      this.replicas = replicas;
      this.shortfall = shortfall;
      this.limit = limit;
      this.rankings = new int[shards.size()][];
      for (int s = 0; s < shards.size(); s++) {
        rankings[s] = rankIndices(shards.get(s).cid(), all, allBytes);
        chosen.add(new ArrayList<>(replicas));
        traces.add(new LinkedHashMap<>());
      }
    }

    void place(List<ShardPlacement> out) {
      for (int r = 0; r < replicas; r++) {
        for (int s = 0; s < shards.size(); s++) {
          placeOne(s);
        }
      }
      for (int s = 0; s < shards.size(); s++) {
        out.add(finish(s));
      }
    }

    private void placeOne(int s) {
      int[] ranking = rankings[s];
      List<PeerId> holders = chosen.get(s);
      int pick = -1;
      Reason reason = null;
      // Healthy within the limit, then deprioritised within the limit.
      for (int pass = 0; pass < 2 && pick < 0; pass++) {
        boolean wantDeprioritised = pass == 1;
        for (int pos = 0; pos < ranking.length; pos++) {
          PeerId p = all[ranking[pos]];
          if (policy.eligible(p)
              && policy.isDeprioritised(p) == wantDeprioritised
              && !holders.contains(p)
              && load(p) < limit) {
            pick = pos;
            reason = wantDeprioritised ? Reason.CHOSEN_DEPRIORITISED : Reason.CHOSEN;
            break;
          }
        }
      }
      boolean overLimit = false;
      if (pick < 0) {
        // Everyone eligible is at the limit: the least loaded, healthy first, then by rank.
        overLimit = true;
        for (int pos = 0; pos < ranking.length; pos++) {
          PeerId p = all[ranking[pos]];
          if (policy.eligible(p) && !holders.contains(p)) {
            if (pick < 0 || betterOverLimit(p, all[ranking[pick]])) {
              pick = pos;
            }
          }
        }
        reason = Reason.CHOSEN_OVER_LIMIT;
      }
      // replicas <= eligible peers, so some eligible peer does not hold the shard yet.
      PeerId winner = all[ranking[pick]];
      Map<PeerId, PlacementDecision> trace = traces.get(s);
      for (int pos = 0; pos < pick; pos++) {
        PeerId q = all[ranking[pos]];
        if (holders.contains(q) || trace.containsKey(q)) {
          continue;
        }
        Reason why;
        if (!policy.eligible(q)) {
          why = Reason.SKIPPED_EXCLUDED;
        } else if (overLimit ? load(q) > load(winner) : load(q) >= limit) {
          why = Reason.SKIPPED_ANTI_AFFINITY;
        } else {
          // Within the limit and ranked higher: it lost only for being deprioritised.
          why = Reason.SKIPPED_DEPRIORITISED;
        }
        trace.put(q, new PlacementDecision(q, pos + 1, why, load(q)));
      }
      trace.put(winner, new PlacementDecision(winner, pick + 1, reason, load(winner)));
      holders.add(winner);
      load.merge(winner, 1, Integer::sum);
    }

    private boolean betterOverLimit(PeerId candidate, PeerId best) {
      int byLoad = Integer.compare(load(candidate), load(best));
      if (byLoad != 0) {
        return byLoad < 0;
      }
      // Same load: healthy beats deprioritised; otherwise the earlier rank (already held) wins.
      return !policy.isDeprioritised(candidate) && policy.isDeprioritised(best);
    }

    private int load(PeerId p) {
      return load.getOrDefault(p, 0);
    }

    private ShardPlacement finish(int s) {
      List<PeerId> holders = chosen.get(s);
      Set<PeerId> held = new HashSet<>(holders);
      List<PeerId> fallbacks = new ArrayList<>();
      for (int pass = 0; pass < 2; pass++) {
        boolean wantDeprioritised = pass == 1;
        for (int i : rankings[s]) {
          if (fallbacks.size() == policy.maxFallbacks()) {
            break;
          }
          PeerId p = all[i];
          if (policy.eligible(p)
              && policy.isDeprioritised(p) == wantDeprioritised
              && !held.contains(p)) {
            fallbacks.add(p);
          }
        }
      }
      List<PlacementDecision> trace = new ArrayList<>(traces.get(s).values());
      trace.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
      return new ShardPlacement(shards.get(s), holders, fallbacks, shortfall, trace);
    }
  }

  private static TreeMap<Integer, List<ShardRef>> bySegment(List<ShardRef> shards) {
    TreeSet<ShardRef> sorted = new TreeSet<>();
    Set<Long> positions = new HashSet<>();
    for (ShardRef s : shards) {
      Objects.requireNonNull(s, "shards contains null");
      if (!positions.add(((long) s.segment() << 32) | s.index())) {
        throw new IllegalArgumentException(
            "two shards at segment " + s.segment() + ", index " + s.index());
      }
      sorted.add(s);
    }
    TreeMap<Integer, List<ShardRef>> segments = new TreeMap<>();
    for (ShardRef s : sorted) {
      segments.computeIfAbsent(s.segment(), k -> new ArrayList<>()).add(s);
    }
    return segments;
  }

  /** Distinct peers in peer id order, so the input's order and duplicates never matter. */
  private static PeerId[] distinct(Collection<PeerId> peers) {
    Objects.requireNonNull(peers, "peers");
    TreeSet<PeerId> set = new TreeSet<>();
    for (PeerId p : peers) {
      set.add(Objects.requireNonNull(p, "peers contains null"));
    }
    return set.toArray(PeerId[]::new);
  }

  private static byte[][] bytesOf(PeerId[] peers) {
    byte[][] out = new byte[peers.length][];
    for (int i = 0; i < peers.length; i++) {
      out[i] = peers[i].toBytes();
    }
    return out;
  }

  /** Indices into {@code peers}, by descending weight, then ascending peer id bytes. */
  private static int[] rankIndices(Cid cid, PeerId[] peers, byte[][] peerBytes) {
    byte[] cidBytes = cid.toBytes();
    MessageDigest md = digest();
    byte[] weights = new byte[peers.length * WEIGHT_LENGTH];
    for (int i = 0; i < peers.length; i++) {
      weightInto(md, cidBytes, peerBytes[i], weights, i * WEIGHT_LENGTH);
    }
    Integer[] order = new Integer[peers.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        (a, b) -> {
          int byWeight =
              Arrays.compareUnsigned(
                  weights,
                  b * WEIGHT_LENGTH,
                  (b + 1) * WEIGHT_LENGTH,
                  weights,
                  a * WEIGHT_LENGTH,
                  (a + 1) * WEIGHT_LENGTH);
          // Peers are already in id order, so the index breaks ties by ascending id.
          return byWeight != 0 ? byWeight : Integer.compare(a, b);
        });
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  private static void weightInto(
      MessageDigest md, byte[] cidBytes, byte[] peerBytes, byte[] out, int off) {
    md.update(cidBytes);
    md.update(peerBytes);
    try {
      md.digest(out, off, WEIGHT_LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
    }
  }

  private static MessageDigest digest() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
