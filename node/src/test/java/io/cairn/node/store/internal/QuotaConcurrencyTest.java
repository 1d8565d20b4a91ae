/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.node.StubInstantSource;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Many threads storing at once never take the store past its quota, nor lose count. */
class QuotaConcurrencyTest {
  static final int THREADS = 32;
  static final int PUTS_PER_THREAD = 8;
  static final long QUOTA = 2L << 20;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void shouldNeverOvershootTheQuotaUnderConcurrentPuts(long seed) throws Exception {
    String msg = "seed " + seed;
    StubInstantSource clock = new StubInstantSource();
    List<Cid> accepted;
    long acceptedBytes;
    try (RocksNodeDatabase db = RocksNodeDatabase.open(dir, QUOTA, new MetricsRegistry(), clock)) {
      ShardStore store = db.shards();
      ConcurrentLinkedQueue<StoreResult> results = new ConcurrentLinkedQueue<>();
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
        for (int t = 0; t < THREADS; t++) {
          Random rnd = new Random(seed * 1000 + t);
          PeerId owner = RocksShardStoreTest.peer(t);
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < PUTS_PER_THREAD; i++) {
                      // 1 B .. 64 KiB: about 8 MiB offered in all for a 2 MiB quota.
                      byte[] data = RocksShardStoreTest.random(rnd, 1 + rnd.nextInt(64 * 1024));
                      results.add(store.put(Cid.of(data), data, 0, data.length, owner));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      }

      accepted = new ArrayList<>();
      acceptedBytes = 0;
      int refused = 0;
      for (StoreResult r : results) {
        switch (r) {
          case StoreResult.Stored s -> {
            accepted.add(s.cid());
            acceptedBytes += s.size();
          }
          case StoreResult.Rejected x -> {
            assertEquals(StoreResult.Reason.QUOTA_EXCEEDED, x.reason(), msg);
            refused++;
          }
          case StoreResult.AlreadyStored a -> throw new AssertionError(msg + ": duplicate " + a);
        }
      }
      assertTrue(refused > 0, msg + ": the quota should have refused some puts");
      assertFalse(accepted.isEmpty(), msg);
      assertTrue(store.usedBytes() <= QUOTA, msg + ": used " + store.usedBytes());
      assertEquals(acceptedBytes, store.usedBytes(), msg);
      assertEquals(accepted.size(), store.shardCount(), msg);
      assertArrayEquals(
          new long[] {acceptedBytes, accepted.size()},
          db.shardStoreForTesting().persistedCountersForTesting(),
          msg);
    }

    try (RocksNodeDatabase db = RocksNodeDatabase.open(dir, QUOTA, new MetricsRegistry(), clock)) {
      assertFalse(db.shardStoreForTesting().countersRepairedAtOpenForTesting(), msg);
      assertEquals(acceptedBytes, db.shards().usedBytes(), msg);
      for (Cid cid : accepted) {
        assertTrue(db.shards().get(cid) instanceof ReadResult.Found, msg + ": " + cid);
      }
    }
  }
}
