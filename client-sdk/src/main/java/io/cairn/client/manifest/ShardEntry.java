/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.audit.AuditRound;
import io.cairn.client.manifest.internal.Checks;
import io.cairn.client.manifest.internal.ManifestViolation;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One shard of a manifest: its CID and size, its position (segment, index), the peers that hold it,
 * their storage receipts and the shard's precomputed audit rounds.
 *
 * <p>The constructor enforces the per-shard limits ({@link ManifestLimits#MAX_PEERS_PER_SHARD},
 * {@link ManifestLimits#MAX_AUDIT_ROUNDS_PER_SHARD}, {@link ManifestLimits#MAX_RECEIPTS_PER_SHARD})
 * and throws {@link IllegalArgumentException} naming the limit. Rules that involve the whole
 * manifest (k + m, sizes per segment) are checked by {@link Manifest}.
 *
 * @param cid the CIDv1 (raw, sha2-256) of the shard's bytes
 * @param size the shard's length in bytes, at least 1
 * @param segment the segment the shard belongs to, from 0
 * @param index the shard's index in its segment: 0..k-1 data, k..k+m-1 parity
 * @param placement the peers holding the shard, in the order they were used (distinct, at most 64;
 *     may be empty when no peer took it)
 * @param receipts storage receipts, at most one per placed peer
 * @param auditRounds the audit rounds, at most 64, with distinct nonces
 */
public record ShardEntry(
    Cid cid,
    int size,
    int segment,
    int index,
    List<PeerId> placement,
    List<ShardReceipt> receipts,
    List<AuditRound> auditRounds) {

  public ShardEntry {
    Checks.notNull(cid, "shard cid");
    String where = "shard (segment " + segment + ", index " + index + ")";
    Checks.range(segment, 0, ManifestLimits.MAX_SHARDS - 1, where + ": segment");
    Checks.range(index, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1, where + ": index");
    Checks.range(
        size,
        1,
        ManifestLimits.MAX_SEGMENT_SIZE + ManifestLimits.MAX_SHARD_OVERHEAD,
        where + ": size");
    Checks.count(
        Checks.notNull(placement, where + ": placement"),
        ManifestLimits.MAX_PEERS_PER_SHARD,
        where,
        "peers");
    Checks.count(
        Checks.notNull(receipts, where + ": receipts"),
        ManifestLimits.MAX_RECEIPTS_PER_SHARD,
        where,
        "receipts");
    Checks.count(
        Checks.notNull(auditRounds, where + ": audit rounds"),
        ManifestLimits.MAX_AUDIT_ROUNDS_PER_SHARD,
        where,
        "audit rounds");
    placement = List.copyOf(placement);
    receipts = List.copyOf(receipts);
    auditRounds = List.copyOf(auditRounds);

    Set<PeerId> placed = new HashSet<>(placement);
    if (placed.size() != placement.size()) {
      throw ManifestViolation.malformed(where + " lists a peer twice in its placement");
    }
    Set<PeerId> signers = new HashSet<>();
    for (ShardReceipt r : receipts) {
      if (!placed.contains(r.node())) {
        throw ManifestViolation.malformed(
            where + " has a receipt from " + r.node() + ", which is not in its placement");
      }
      if (!signers.add(r.node())) {
        throw ManifestViolation.malformed(where + " has two receipts from " + r.node());
      }
    }
    Set<Bytes> nonces = new HashSet<>();
    for (AuditRound round : auditRounds) {
      if (!nonces.add(round.nonce())) {
        throw ManifestViolation.malformed(where + " has two audit rounds with the same nonce");
      }
    }
  }

  /** A shard with only a placement (no receipts, no audit rounds yet). */
  public static ShardEntry of(Cid cid, int size, int segment, int index, List<PeerId> placement) {
    return new ShardEntry(cid, size, segment, index, placement, List.of(), List.of());
  }
}
