/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.util.Optional;

/**
 * The node's shards, keyed by CID, with quota accounting.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A put that returns {@link StoreResult.Stored} or {@link StoreResult.AlreadyStored} is
 *       durable (the write-ahead log was fsynced): it survives a crash or power loss, so the caller
 *       may sign a receipt for it.
 *   <li>Nothing is stored unless its bytes hash to its CID, and nothing is served unless it still
 *       does when read ({@link #get}): a mismatch is quarantined and reported, never returned.
 *   <li>Concurrent puts never take {@link #usedBytes()} past {@link #quotaBytes()}: space is
 *       reserved atomically before the write and released if the write fails.
 *   <li>Usage counters are persisted in the same atomic write as the shard they count.
 * </ul>
 *
 * <p>Restrictions: a shard is at most {@link #MAX_SHARD_SIZE} bytes and is held in memory while it
 * is written or read. Methods throw {@link StoreException} only when the node's own database fails;
 * every outcome caused by the peer's input is a result value. Thread-safe.
 */
public interface ShardStore {
  /** Largest shard a node accepts: 64 MiB. A 4 MiB segment with k=4 gives 1 MiB shards. */
  int MAX_SHARD_SIZE = 64 * 1024 * 1024;

  /** Most distinct owners one shard may have; bounds the metadata record. */
  int MAX_OWNERS = 256;

  /**
   * Stores {@code data[off, off + len)} under {@code cid} for {@code owner}. Checks, in order: size
   * limit, CID, already present (then adds the owner, writes no bytes), quota.
   */
  StoreResult put(Cid cid, byte[] data, int off, int len, PeerId owner) throws StoreException;

  /** Reads the shard and checks it against its CID; a mismatch quarantines it. */
  ReadResult get(Cid cid) throws StoreException;

  /** Whether the shard is stored (metadata only: no bytes read, no check). */
  boolean contains(Cid cid) throws StoreException;

  /** Size, time and owners of a stored shard. */
  Optional<ShardInfo> info(Cid cid) throws StoreException;

  /**
   * Removes {@code requester}'s claim on the shard; when no owner is left the shard is deleted and
   * its bytes returned to the quota.
   */
  DeleteResult delete(Cid cid, PeerId requester) throws StoreException;

  /** Bytes of stored shards (each shard counted once, however many owners it has). */
  long usedBytes();

  /** The quota: puts beyond it are refused. */
  long quotaBytes();

  /** Number of stored shards. */
  long shardCount();

  /** Bytes of shards moved to quarantine (not counted in {@link #usedBytes()}). */
  long quarantinedBytes();

  /** Every quarantined shard, oldest CID first (an operator's view; reads the whole column). */
  java.util.List<QuarantinedShard> quarantined() throws StoreException;

  /**
   * Deletes every quarantined shard and gives its space back to the disk; returns how many were
   * purged. Live shards are not touched.
   */
  long purgeQuarantine() throws StoreException;
}
