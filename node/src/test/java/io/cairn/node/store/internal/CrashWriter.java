/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Random;

/**
 * Child process of {@link CrashConsistencyIntegrationTest}: stores random shards until it is
 * killed, printing {@code STORED <cid>} on stdout each time a put has returned (the moment a node
 * would sign a receipt).
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    Random rnd = new Random(seed);
    PeerId owner = RocksShardStoreTest.peer(1);
    RocksNodeDatabase db =
        RocksNodeDatabase.open(dir, Long.MAX_VALUE, new MetricsRegistry(), InstantSource.system());
    ShardStore store = db.shards();
    System.out.println("READY");
    System.out.flush();
    for (long i = 0; ; i++) {
      // Mix of small values (kept in the LSM) and large ones (blob files).
      int len =
          rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(16 * 1024) : 64 * 1024 + rnd.nextInt(256 * 1024);
      byte[] data = new byte[len];
      rnd.nextBytes(data);
      Cid cid = Cid.of(data);
      StoreResult r = store.put(cid, data, 0, len, owner);
      if (!(r instanceof StoreResult.Stored)) {
        throw new IllegalStateException("unexpected " + r);
      }
      System.out.println("STORED " + cid);
      System.out.flush();
      if (i % 7 == 3) {
        store.delete(cid, owner);
        System.out.println("DELETED " + cid);
        System.out.flush();
      }
    }
  }
}
