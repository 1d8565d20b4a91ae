/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.peers.PeerTable;
import io.cairn.node.store.AuditNonceStore;
import io.cairn.node.store.NodeDatabase;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import java.nio.file.Path;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link NodeDatabase} on one RocksDB instance. */
public final class RocksNodeDatabase implements NodeDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(RocksNodeDatabase.class);

  private final ManagedRocksDb db;
  private final RocksShardStore shards;
  private final RocksAuditNonceStore nonces;
  private final RocksPeerTable peers;

  private RocksNodeDatabase(
      ManagedRocksDb db,
      RocksShardStore shards,
      RocksAuditNonceStore nonces,
      RocksPeerTable peers) {
    this.db = db;
    this.shards = shards;
    this.nonces = nonces;
    this.peers = peers;
  }

  /** See {@link NodeDatabase#open}. */
  public static RocksNodeDatabase open(
      Path dir, long quotaBytes, MetricsRegistry metrics, InstantSource clock)
      throws StoreException {
    return open(dir, quotaBytes, PeerTable.DEFAULT_CAPACITY, metrics, clock);
  }

  /** As {@link #open(Path, long, MetricsRegistry, InstantSource)} with a peer table capacity. */
  public static RocksNodeDatabase open(
      Path dir, long quotaBytes, int peerCapacity, MetricsRegistry metrics, InstantSource clock)
      throws StoreException {
    ManagedRocksDb db = ManagedRocksDb.open(dir);
    boolean ok = false;
    try {
      RocksShardStore shards = new RocksShardStore(db, quotaBytes, metrics, clock);
      RocksNodeDatabase n =
          new RocksNodeDatabase(
              db,
              shards,
              new RocksAuditNonceStore(db, clock),
              new RocksPeerTable(db, peerCapacity));
      StoreLog.onOpened(dir.toString(), shards.shardCount(), shards.usedBytes(), quotaBytes);
      ok = true;
      return n;
    } finally {
      if (!ok) {
        db.close();
      }
    }
  }

  @Override
  public ShardStore shards() {
    return shards;
  }

  @Override
  public AuditNonceStore auditNonces() {
    return nonces;
  }

  @Override
  public PeerTable peers() {
    return peers;
  }

  @Override
  public boolean isOpen() {
    return db.isOpen();
  }

  /** Test hook: writes every memtable to table and blob files. */
  void flushForTesting() throws StoreException {
    db.flush();
  }

  RocksShardStore shardStoreForTesting() {
    return shards;
  }

  @Override
  public void close() {
    if (!db.isOpen()) {
      return;
    }
    shards.close();
    try {
      db.flush();
    } catch (StoreException e) {
      // The WAL still holds everything; the next open replays it.
      LOG.warn("Flush at shutdown failed, the next start will replay the log: {}", e.getMessage());
    }
    db.close();
  }
}
