/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.store.DeleteResult;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob garbage collection is off while serving; deletes count their bytes, and past the thresholds
 * a background compaction with collection on rewrites the blob files without the deleted shards.
 */
class SpaceReclaimTest {
  @TempDir Path dir;

  static final PeerId OWNER = RocksShardStoreTest.peer(1);
  static final int SHARD = 256 << 10; // above the 64 KiB blob threshold

  private long blobFileBytes() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      long n = 0;
      for (Path p : s.filter(p -> p.toString().endsWith(".blob")).toList()) {
        n += Files.size(p);
      }
      return n;
    }
  }

  @Test
  void shouldRewriteBlobFilesWithoutDeletedShardsOnceGarbagePassesTheThreshold() throws Exception {
    long seed = System.nanoTime();
    System.out.println("SpaceReclaimTest seed " + seed);
    Random random = new Random(seed);
    List<byte[]> shards = new ArrayList<>();
    ManagedRocksDb db = ManagedRocksDb.open(dir);
    RocksShardStore store =
        new RocksShardStore(
            db, 64L << 20, new MetricsRegistry(), InstantSource.system(), 3L * SHARD);
    try {
      for (int i = 0; i < 8; i++) {
        byte[] data = RocksShardStoreTest.random(random, SHARD);
        shards.add(data);
        assertInstanceOf(
            StoreResult.Stored.class, store.put(Cid.of(data), data, 0, data.length, OWNER));
      }
      db.flush();
      long before = blobFileBytes();
      assertTrue(before >= 8L * SHARD, "blob files hold the shards: " + before);

      // Two deletes stay under the 3-shard threshold: nothing is rewritten.
      for (int i = 0; i < 2; i++) {
        assertInstanceOf(DeleteResult.Deleted.class, store.delete(Cid.of(shards.get(i)), OWNER));
      }
      store.awaitReclaimForTesting();
      assertEquals(2L * SHARD, store.garbageBytes());

      // The third passes it (3 of 5 live shards is also past a quarter): a reclaim runs.
      assertInstanceOf(DeleteResult.Deleted.class, store.delete(Cid.of(shards.get(2)), OWNER));
      store.awaitReclaimForTesting();
      assertEquals(0, store.garbageBytes());
      long after = blobFileBytes();
      assertTrue(
          after < before - 2L * SHARD && after >= 5L * SHARD,
          "blob bytes before " + before + ", after " + after);
      for (int i = 3; i < 8; i++) {
        assertInstanceOf(ReadResult.Found.class, store.get(Cid.of(shards.get(i))));
      }
    } finally {
      store.close();
      db.close();
    }
    // The garbage counter was persisted as zero, and the live shards survive a reopen.
    try (RocksNodeDatabase reopened =
        RocksNodeDatabase.open(dir, 64L << 20, new MetricsRegistry(), InstantSource.system())) {
      RocksShardStore s = reopened.shardStoreForTesting();
      assertEquals(0, s.garbageBytes());
      for (int i = 3; i < 8; i++) {
        assertInstanceOf(ReadResult.Found.class, s.get(Cid.of(shards.get(i))));
      }
    }
  }

  @Test
  void shouldRememberGarbageAcrossARestart() throws Exception {
    byte[] data = RocksShardStoreTest.random(new Random(3), SHARD);
    try (RocksNodeDatabase db =
        RocksNodeDatabase.open(dir, 64L << 20, new MetricsRegistry(), InstantSource.system())) {
      db.shards().put(Cid.of(data), data, 0, data.length, OWNER);
      db.shards().delete(Cid.of(data), OWNER);
      assertEquals(SHARD, db.shardStoreForTesting().garbageBytes());
    }
    try (RocksNodeDatabase db =
        RocksNodeDatabase.open(dir, 64L << 20, new MetricsRegistry(), InstantSource.system())) {
      assertEquals(SHARD, db.shardStoreForTesting().garbageBytes());
    }
  }
}
