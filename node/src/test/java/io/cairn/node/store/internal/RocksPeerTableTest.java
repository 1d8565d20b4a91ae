/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.node.StubInstantSource;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.peers.PeerRecord;
import io.cairn.node.peers.PeerTable;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksPeerTableTest {
  @TempDir Path dir;

  RocksNodeDatabase open(int capacity) throws Exception {
    return RocksNodeDatabase.open(dir, 0, capacity, new MetricsRegistry(), new StubInstantSource());
  }

  static Multiaddr tcp(int port) {
    return Multiaddr.parse("/ip4/10.0.0.1/tcp/" + port);
  }

  @Test
  void shouldPersistPeersAcrossReopen() throws Exception {
    PeerId a = RocksShardStoreTest.peer(1);
    try (RocksNodeDatabase db = open(10)) {
      db.peers().upsert(a, List.of(tcp(4001).withPeerId(a)), Instant.ofEpochMilli(1000));
    }

    try (RocksNodeDatabase db = open(10)) {
      assertEquals(
          new PeerRecord(a, List.of(tcp(4001)), Instant.ofEpochMilli(1000)),
          db.peers().get(a).orElseThrow());
    }
  }

  @Test
  void shouldMergeAddressesNewestFirstAndKeepTheLatestSighting() throws Exception {
    PeerId a = RocksShardStoreTest.peer(1);
    try (RocksNodeDatabase db = open(10)) {
      PeerTable t = db.peers();
      for (int i = 0; i < PeerTable.MAX_ADDRESSES_PER_PEER; i++) {
        t.upsert(a, List.of(tcp(5000 + i)), Instant.ofEpochMilli(2000 + i));
      }

      PeerRecord r = t.upsert(a, List.of(tcp(6000)), Instant.ofEpochMilli(1));

      assertEquals(PeerTable.MAX_ADDRESSES_PER_PEER, r.addresses().size());
      assertEquals(tcp(6000), r.addresses().getFirst());
      assertFalse(r.addresses().contains(tcp(5000)), "the oldest address is dropped");
      assertEquals(Instant.ofEpochMilli(2000 + PeerTable.MAX_ADDRESSES_PER_PEER - 1), r.lastSeen());
    }
  }

  @Test
  void shouldEvictThePeerSeenLongestAgoWhenFull() throws Exception {
    try (RocksNodeDatabase db = open(3)) {
      PeerTable t = db.peers();
      for (int i = 1; i <= 4; i++) {
        t.upsert(RocksShardStoreTest.peer(i), List.of(tcp(i)), Instant.ofEpochMilli(100 + i));
      }

      assertEquals(3, t.size());
      assertTrue(t.get(RocksShardStoreTest.peer(1)).isEmpty());
      assertEquals(RocksShardStoreTest.peer(4), t.list().getFirst().peerId());
    }
    try (RocksNodeDatabase db = open(2)) {
      assertEquals(2, db.peers().size(), "a smaller capacity trims the table at open");
      assertTrue(db.peers().get(RocksShardStoreTest.peer(2)).isEmpty());
    }
  }

  @Test
  void shouldRefuseAnAddressOfAnotherPeerAndRemovePeers() throws Exception {
    PeerId a = RocksShardStoreTest.peer(1);
    PeerId b = RocksShardStoreTest.peer(2);
    try (RocksNodeDatabase db = open(10)) {
      PeerTable t = db.peers();
      assertThrows(
          IllegalArgumentException.class,
          () -> t.upsert(a, List.of(tcp(1).withPeerId(b)), Instant.EPOCH));
      t.upsert(a, List.of(), Instant.EPOCH);

      assertTrue(t.remove(a));
      assertFalse(t.remove(a));
    }
    try (RocksNodeDatabase db = open(10)) {
      assertEquals(0, db.peers().size());
    }
  }
}
