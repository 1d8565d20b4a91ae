/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import io.cairn.client.audit.AuditRound;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.manifest.ShardReceipt;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.util.List;
import java.util.Objects;

/**
 * One segment after the upload pipeline: its k + m shards (ciphertext, data shards first), each
 * shard's CID and audit rounds. The shard arrays are owned by this object and must not be changed.
 */
public final class EncodedSegment {
  private final long index;
  private final boolean last;
  private final int plaintextLength;
  private final byte[][] shards;
  private final List<Cid> cids;
  private final List<List<AuditRound>> auditRounds;

  EncodedSegment(
      long index,
      boolean last,
      int plaintextLength,
      byte[][] shards,
      List<Cid> cids,
      List<List<AuditRound>> auditRounds) {
    this.index = index;
    this.last = last;
    this.plaintextLength = plaintextLength;
    this.shards = Objects.requireNonNull(shards, "shards");
    this.cids = List.copyOf(cids);
    this.auditRounds = List.copyOf(auditRounds);
  }

  /** Position in the file, from 0. */
  public long index() {
    return index;
  }

  /** Whether this is the file's final segment. */
  public boolean isLast() {
    return last;
  }

  /** Plaintext bytes this segment carries. */
  public int plaintextLength() {
    return plaintextLength;
  }

  /** k + m. */
  public int shardCount() {
    return shards.length;
  }

  /** Bytes per shard (all shards of a segment have the same size). */
  public int shardSize() {
    return shards[0].length;
  }

  /** Shard {@code i} (0..k-1 data, k..k+m-1 parity); the caller must not modify it. */
  public byte[] shard(int i) {
    return shards[i];
  }

  /** The CID of shard {@code i}. */
  public Cid cid(int i) {
    return cids.get(i);
  }

  /** The CIDs in shard order. */
  public List<Cid> cids() {
    return cids;
  }

  /** The audit rounds of shard {@code i}. */
  public List<AuditRound> auditRounds(int i) {
    return auditRounds.get(i);
  }

  /**
   * The manifest entry of shard {@code i} once it has been placed.
   *
   * @param placement the peers that hold it, in the order used
   * @param receipts the receipts those peers signed
   */
  public ShardEntry shardEntry(int i, List<PeerId> placement, List<ShardReceipt> receipts) {
    return new ShardEntry(
        cids.get(i),
        shards[i].length,
        Math.toIntExact(index),
        i,
        placement,
        receipts,
        auditRounds.get(i));
  }

  @Override
  public String toString() {
    return "EncodedSegment[" + index + (last ? ", last" : "") + ", " + shards.length + " shards]";
  }
}
