/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What placement needs from the sentinel at one moment (DESIGN.md, "Place"): which nodes to skip
 * and which to rank lower. Immutable and deterministic: the same view orders the same candidates
 * the same way every time, so a manifest that records {@link #fingerprint()} next to its placement
 * says which view produced it.
 *
 * @param policyFingerprint the {@link Policy#fingerprint()} the view was made under
 * @param vettingShare the policy's {@code vetting.placementShare}
 * @param standings every known node's standing, by id; nodes not listed are new, so vetting
 */
public record PlacementView(
    String policyFingerprint, double vettingShare, SortedMap<String, Standing> standings) {

  /** A node's standing for placement, best first. */
  public enum Standing {
    /** Healthy and vetted: full share. */
    PREFERRED,
    /**
     * New: keeps its rank in a {@code vettingShare} of placements, else ranks after vetted ones.
     */
    VETTING,
    /** Suspect: ranks after every preferred and vetting node. */
    SUSPECT,
    /** Quarantined or disqualified: never placed. */
    EXCLUDED
  }

  public PlacementView {
    Objects.requireNonNull(policyFingerprint, "policyFingerprint");
    if (!(vettingShare >= 0 && vettingShare <= 1)) {
      throw new IllegalArgumentException("vettingShare must be in [0, 1], got " + vettingShare);
    }
    standings = Collections.unmodifiableSortedMap(new TreeMap<>(standings));
  }

  static Standing standing(NodeState state, boolean vetting) {
    return switch (state) {
      case HEALTHY -> vetting ? Standing.VETTING : Standing.PREFERRED;
      case SUSPECT -> Standing.SUSPECT;
      case QUARANTINED, DISQUALIFIED -> Standing.EXCLUDED;
    };
  }

  /**
   * The standing of {@code node}; a node the sentinel has never seen is {@link Standing#VETTING}.
   */
  public Standing standing(String node) {
    return standings.getOrDefault(node, Standing.VETTING);
  }

  /** Nodes placement must skip (quarantined or disqualified). */
  public SortedSet<String> excluded() {
    return with(Standing.EXCLUDED);
  }

  /** Known nodes placement ranks lower (suspect, or healthy but still vetting). */
  public SortedSet<String> deprioritised() {
    SortedSet<String> s = with(Standing.SUSPECT);
    s.addAll(with(Standing.VETTING));
    return s;
  }

  /**
   * The deprioritised set for one placement run keyed by {@code key} (the file id, say), for
   * planners that take an excluded set and a deprioritised set (the client-sdk's {@code
   * PlacementPolicy}): suspect nodes, plus the vetting nodes that lose this key's lottery. So a
   * vetting node is placed at its full rank in about {@code vettingShare} of runs, Storj's new-node
   * fraction, and deterministically so for a given view and key.
   */
  public SortedSet<String> deprioritised(String key) {
    Objects.requireNonNull(key, "key");
    SortedSet<String> s = with(Standing.SUSPECT);
    for (String n : with(Standing.VETTING)) {
      if (lottery(key, n) >= vettingShare) {
        s.add(n);
      }
    }
    return s;
  }

  private SortedSet<String> with(Standing st) {
    SortedSet<String> s = new TreeSet<>();
    standings.forEach(
        (n, x) -> {
          if (x == st) {
            s.add(n);
          }
        });
    return s;
  }

  /**
   * Re-orders candidates already ranked by rendezvous hashing for one placement key (a shard CID):
   * drops excluded nodes, then keeps, in their given order, first the preferred nodes together with
   * the vetting nodes that win this key's lottery ({@code vettingShare}), then the other vetting
   * nodes, then the suspect ones. The lottery is SHA-256(key, node), so it is deterministic.
   *
   * @param rendezvousOrder candidate node ids, best first, without duplicates
   * @param key what is being placed (its CID text)
   * @throws IllegalArgumentException if a candidate appears twice
   */
  public List<String> order(List<String> rendezvousOrder, String key) {
    Objects.requireNonNull(key, "key");
    List<String> first = new ArrayList<>();
    List<String> vettingRest = new ArrayList<>();
    List<String> suspect = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String n : rendezvousOrder) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException("candidate " + n + " appears twice");
      }
      switch (standing(n)) {
        case PREFERRED -> first.add(n);
        case VETTING -> (lottery(key, n) < vettingShare ? first : vettingRest).add(n);
        case SUSPECT -> suspect.add(n);
        case EXCLUDED -> {}
      }
    }
    first.addAll(vettingRest);
    first.addAll(suspect);
    return first;
  }

  /** A uniform number in [0, 1) from SHA-256(key, 0, node). */
  static double lottery(String key, String node) {
    MessageDigest md = sha256();
    md.update(key.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(node.getBytes(StandardCharsets.UTF_8));
    byte[] h = md.digest();
    long x = 0;
    for (int i = 0; i < 8; i++) {
      x = (x << 8) | (h[i] & 0xff);
    }
    return (x >>> 11) * 0x1.0p-53;
  }

  /**
   * A short identity of this view (first 16 hex digits of SHA-256 over the policy fingerprint, the
   * share and every node's standing), for the manifest to record with the placement used.
   */
  public String fingerprint() {
    MessageDigest md = sha256();
    StringBuilder sb = new StringBuilder();
    sb.append("policy=").append(policyFingerprint).append('\n');
    sb.append("share=").append(Policy.format(vettingShare)).append('\n');
    standings.forEach((n, s) -> sb.append(n).append('=').append(s.name()).append('\n'));
    return HexFormat.of()
        .formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
