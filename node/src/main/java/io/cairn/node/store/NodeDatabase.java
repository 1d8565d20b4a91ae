/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.peers.PeerTable;
import io.cairn.node.store.internal.RocksNodeDatabase;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The node's one database (RocksDB in {@code DIR/db}): shards, audit nonces and the peer table.
 * Open it once at start-up and close it last at shutdown, after the request handlers have stopped;
 * calls after {@link #close()} fail with a {@link StoreException}.
 */
public interface NodeDatabase extends AutoCloseable {
  /**
   * Opens or creates the database in {@code dir}. Checks on open that the persisted usage counters
   * agree with the shard metadata and repairs them (with a warning) if not.
   *
   * @param quotaBytes the quota for {@link ShardStore#quotaBytes()}; may be below the current
   *     usage, in which case new shards are refused until enough are deleted
   * @param metrics registry for the store's metrics
   * @param clock wall clock for stored-at and answered-at times
   * @throws StoreException if the folder or database cannot be opened (in use by another process,
   *     disk error, corrupt files)
   */
  static NodeDatabase open(Path dir, long quotaBytes, MetricsRegistry metrics, InstantSource clock)
      throws StoreException {
    return RocksNodeDatabase.open(dir, quotaBytes, metrics, clock);
  }

  ShardStore shards();

  AuditNonceStore auditNonces();

  PeerTable peers();

  /** Whether the database is open (for the health endpoint). */
  boolean isOpen();

  /** Flushes memtables (so the next start replays no log) and releases every native object. */
  @Override
  void close();
}
