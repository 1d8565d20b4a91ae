/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.node.StubInstantSource;
import io.cairn.node.metrics.Counter;
import io.cairn.node.metrics.Gauge;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.store.DeleteResult;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardInfo;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksShardStoreTest {
  static final PeerId ALICE = peer(1);
  static final PeerId BOB = peer(2);

  @TempDir Path dir;
  final StubInstantSource clock = new StubInstantSource();
  MetricsRegistry metrics;
  RocksNodeDatabase db;
  ShardStore store;

  static PeerId peer(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    seed[1] = (byte) (n >>> 8);
    return PeerId.of(Ed25519.fromSeed(seed).publicKey());
  }

  static byte[] random(Random r, int len) {
    byte[] b = new byte[len];
    r.nextBytes(b);
    return b;
  }

  @BeforeEach
  void open() throws StoreException {
    reopen(1 << 20);
  }

  void reopen(long quota) throws StoreException {
    if (db != null) {
      db.close();
    }
    metrics = new MetricsRegistry();
    db = RocksNodeDatabase.open(dir, quota, metrics, clock);
    store = db.shards();
  }

  @AfterEach
  void close() {
    db.close();
  }

  StoreResult put(byte[] data, PeerId owner) throws StoreException {
    return store.put(Cid.of(data), data, 0, data.length, owner);
  }

  @Test
  void shouldStoreGetAndDeleteAShard() throws StoreException {
    byte[] data = random(new Random(1), 100_000);
    Cid cid = Cid.of(data);

    StoreResult r = put(data, ALICE);

    StoreResult.Stored stored = assertInstanceOf(StoreResult.Stored.class, r);
    assertEquals(100_000, stored.size());
    assertEquals(clock.instant(), stored.storedAt());
    ReadResult.Found found = assertInstanceOf(ReadResult.Found.class, store.get(cid));
    assertArrayEquals(data, found.data().toArray());
    assertEquals(
        new ShardInfo(cid, 100_000, clock.instant(), List.of(ALICE)), store.info(cid).get());
    assertEquals(100_000, store.usedBytes());
    assertEquals(1, store.shardCount());

    DeleteResult d = store.delete(cid, ALICE);

    assertEquals(new DeleteResult.Deleted(cid, 100_000), d);
    assertInstanceOf(ReadResult.Missing.class, store.get(cid));
    assertFalse(store.contains(cid));
    assertEquals(0, store.usedBytes());
    assertEquals(0, store.shardCount());
    assertEquals(new DeleteResult.NotFound(cid), store.delete(cid, ALICE));
  }

  @Test
  void shouldStoreASliceOfAnArray() throws StoreException {
    byte[] buf = random(new Random(2), 1000);
    Cid cid = Cid.of(buf, 100, 500);

    assertInstanceOf(StoreResult.Stored.class, store.put(cid, buf, 100, 500, ALICE));

    ReadResult.Found found = assertInstanceOf(ReadResult.Found.class, store.get(cid));
    assertEquals(500, found.data().size());
    assertTrue(cid.matches(found.data().toArray()));
  }

  @Test
  void shouldRejectBytesThatDoNotHashToTheCidAndStoreNothing() throws StoreException {
    byte[] data = random(new Random(3), 4096);
    Cid cid = Cid.of(data);
    data[17] ^= 1;

    StoreResult r = store.put(cid, data, 0, data.length, ALICE);

    StoreResult.Rejected rej = assertInstanceOf(StoreResult.Rejected.class, r);
    assertEquals(StoreResult.Reason.CID_MISMATCH, rej.reason());
    assertFalse(store.contains(cid));
    assertInstanceOf(ReadResult.Missing.class, store.get(cid));
    assertEquals(0, store.usedBytes());
    assertEquals(1, counter("cairn_node_store_rejected_total").value("cid_mismatch"));
  }

  @Test
  void shouldRejectAShardLargerThanTheLimit() throws StoreException {
    reopen(Long.MAX_VALUE);
    byte[] data = new byte[ShardStore.MAX_SHARD_SIZE + 1];

    StoreResult r = store.put(Cid.of(new byte[0]), data, 0, data.length, ALICE);

    assertEquals(
        StoreResult.Reason.TOO_LARGE, assertInstanceOf(StoreResult.Rejected.class, r).reason());
    assertEquals(0, store.shardCount());
  }

  @Test
  void shouldRefuseAShardBeyondTheQuota() throws StoreException {
    reopen(10_000);
    Random rnd = new Random(4);
    assertInstanceOf(StoreResult.Stored.class, put(random(rnd, 6_000), ALICE));
    assertInstanceOf(StoreResult.Stored.class, put(random(rnd, 4_000), ALICE));

    StoreResult r = put(random(rnd, 1), ALICE);

    StoreResult.Rejected rej = assertInstanceOf(StoreResult.Rejected.class, r);
    assertEquals(StoreResult.Reason.QUOTA_EXCEEDED, rej.reason());
    assertTrue(rej.message().contains("10000 of 10000"), rej.message());
    assertEquals(10_000, store.usedBytes());
  }

  @Test
  void shouldBeIdempotentAndCountEachShardOnceAcrossOwners() throws StoreException {
    byte[] data = random(new Random(5), 3000);
    Cid cid = Cid.of(data);
    put(data, ALICE);
    clock.advance(java.time.Duration.ofSeconds(5));

    StoreResult again = put(data, ALICE);
    StoreResult bob = put(data, BOB);

    StoreResult.AlreadyStored a = assertInstanceOf(StoreResult.AlreadyStored.class, again);
    assertFalse(a.ownerAdded());
    assertEquals(clock.instant().minusSeconds(5), a.storedAt());
    assertTrue(assertInstanceOf(StoreResult.AlreadyStored.class, bob).ownerAdded());
    assertEquals(3000, store.usedBytes());
    assertEquals(1, store.shardCount());
    assertEquals(List.of(ALICE, BOB), store.info(cid).get().owners());
    assertEquals(1, counter("cairn_node_shards_stored_total").value());
  }

  @Test
  void shouldBoundTheNumberOfOwnersOfOneShard() throws StoreException {
    byte[] data = random(new Random(16), 10);
    for (int i = 0; i < ShardStore.MAX_OWNERS; i++) {
      assertFalse(put(data, peer(1000 + i)) instanceof StoreResult.Rejected, "owner " + i);
    }

    StoreResult r = put(data, peer(5000));

    assertEquals(
        StoreResult.Reason.TOO_MANY_OWNERS,
        assertInstanceOf(StoreResult.Rejected.class, r).reason());
    assertEquals(ShardStore.MAX_OWNERS, store.info(Cid.of(data)).get().owners().size());
    assertEquals(10, store.usedBytes());
  }

  @Test
  void shouldDeleteOnlyForOwnersAndFreeSpaceWhenTheLastOneLeaves() throws StoreException {
    byte[] data = random(new Random(6), 3000);
    Cid cid = Cid.of(data);
    put(data, ALICE);
    put(data, BOB);

    assertEquals(new DeleteResult.NotOwner(cid), store.delete(cid, peer(3)));
    assertEquals(new DeleteResult.Released(cid, 1), store.delete(cid, ALICE));
    assertEquals(new DeleteResult.NotOwner(cid), store.delete(cid, ALICE));
    assertEquals(3000, store.usedBytes());
    assertInstanceOf(ReadResult.Found.class, store.get(cid));
    assertEquals(new DeleteResult.Deleted(cid, 3000), store.delete(cid, BOB));
    assertEquals(0, store.usedBytes());
    assertEquals(0, store.shardCount());
  }

  @Test
  void shouldListAndPurgeTheQuarantineAndKeepThePurgeAcrossARestart() throws StoreException {
    reopen(4L << 20);
    byte[] a = random(new Random(11), 300_000);
    byte[] b = random(new Random(12), 250_000);
    byte[] live = random(new Random(13), 100_000);
    put(a, ALICE);
    put(b, ALICE);
    put(live, BOB);
    java.time.Instant detected = clock.instant();
    db.shardStoreForTesting().overwriteRawForTesting(Cid.of(a), new byte[] {1, 2, 3});
    db.shardStoreForTesting().overwriteRawForTesting(Cid.of(b), b.clone());
    byte[] rot = b.clone();
    rot[7] ^= 1;
    db.shardStoreForTesting().overwriteRawForTesting(Cid.of(b), rot);
    assertInstanceOf(ReadResult.Corrupt.class, store.get(Cid.of(a)));
    assertInstanceOf(ReadResult.Corrupt.class, store.get(Cid.of(b)));

    var q = store.quarantined();
    assertEquals(2, q.size(), q.toString());
    var byCid =
        q.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    io.cairn.node.store.QuarantinedShard::cid, x -> x));
    assertEquals(3, byCid.get(Cid.of(a)).bytesKept());
    assertEquals(250_000, byCid.get(Cid.of(b)).bytesKept());
    assertEquals("hash-mismatch", byCid.get(Cid.of(a)).reason());
    assertEquals(detected, byCid.get(Cid.of(a)).detectedAt());
    assertEquals(250_003, store.quarantinedBytes());

    assertEquals(2, store.purgeQuarantine());
    assertEquals(List.of(), store.quarantined());
    assertEquals(0, store.quarantinedBytes());
    assertEquals(0.0, gauge("cairn_node_quarantined_bytes").value());
    assertInstanceOf(ReadResult.Found.class, store.get(Cid.of(live)), "live shards stay");
    assertEquals(0, store.purgeQuarantine(), "nothing left to purge");

    reopen(4L << 20);
    assertEquals(List.of(), store.quarantined());
    assertEquals(0, store.quarantinedBytes());
    assertInstanceOf(ReadResult.Found.class, store.get(Cid.of(live)));
  }

  @Test
  void shouldQuarantineAShardCorruptedOnDiskAndNeverServeIt() throws StoreException {
    byte[] data = random(new Random(7), 200_000);
    Cid cid = Cid.of(data);
    put(data, ALICE);
    byte[] bad = data.clone();
    bad[123_456] ^= 0x40;
    db.shardStoreForTesting().overwriteRawForTesting(cid, bad);

    ReadResult r = store.get(cid);

    ReadResult.Corrupt c = assertInstanceOf(ReadResult.Corrupt.class, r);
    assertTrue(c.reason().contains("no longer hash"), c.reason());
    assertInstanceOf(ReadResult.Missing.class, store.get(cid));
    assertFalse(store.contains(cid));
    assertEquals(0, store.usedBytes());
    assertEquals(0, store.shardCount());
    assertEquals(200_000, store.quarantinedBytes());
    assertEquals(1, counter("cairn_node_shards_quarantined_total").value());
    assertEquals(200_000.0, gauge("cairn_node_quarantined_bytes").value());

    // The owner can store a good copy again.
    assertInstanceOf(StoreResult.Stored.class, put(data, ALICE));
    assertArrayEquals(
        data, assertInstanceOf(ReadResult.Found.class, store.get(cid)).data().toArray());
  }

  @Test
  void shouldReplaceACorruptCopyWhenTheSameShardIsStoredAgain() throws StoreException {
    byte[] data = random(new Random(8), 5000);
    Cid cid = Cid.of(data);
    put(data, ALICE);
    db.shardStoreForTesting().overwriteRawForTesting(cid, new byte[] {1, 2, 3});

    StoreResult r = put(data, BOB);

    assertInstanceOf(StoreResult.Stored.class, r);
    assertEquals(List.of(ALICE, BOB), store.info(cid).get().owners());
    assertEquals(5000, store.usedBytes());
    assertEquals(1, store.shardCount());
    assertEquals(3, store.quarantinedBytes());
    assertArrayEquals(
        data, assertInstanceOf(ReadResult.Found.class, store.get(cid)).data().toArray());
  }

  @Test
  void shouldDetectBytesFlippedInABlobFileOnDisk() throws Exception {
    byte[] data = random(new Random(9), 300_000);
    Cid cid = Cid.of(data);
    put(data, ALICE);
    db.flushForTesting();
    db.close();
    List<Path> blobs = DiskCorruption.blobFiles(dir);
    assertEquals(1, blobs.size(), "blob files: " + blobs);
    DiskCorruption.flipByteInMiddle(blobs.getFirst());
    reopen(1 << 20);

    ReadResult r = store.get(cid);

    assertInstanceOf(ReadResult.Corrupt.class, r);
    assertInstanceOf(ReadResult.Missing.class, store.get(cid));
    assertEquals(0, store.usedBytes());
    assertEquals(1, counter("cairn_node_shards_quarantined_total").value());
  }

  @Test
  void shouldKeepUsageCountersConsistentAcrossReopen() throws StoreException {
    Random rnd = new Random(10);
    long expected = 0;
    for (int i = 0; i < 20; i++) {
      byte[] data = random(rnd, 1 + rnd.nextInt(70_000));
      put(data, ALICE);
      if (i % 3 == 0) {
        store.delete(Cid.of(data), ALICE);
      } else {
        expected += data.length;
      }
    }
    long count = store.shardCount();

    reopen(1 << 20);

    assertFalse(db.shardStoreForTesting().countersRepairedAtOpenForTesting());
    assertEquals(expected, store.usedBytes());
    assertEquals(count, store.shardCount());
    assertArrayEquals(
        new long[] {expected, count}, db.shardStoreForTesting().persistedCountersForTesting());
    assertEquals((double) expected, gauge("cairn_node_bytes_stored").value());
    assertEquals((double) (1 << 20), gauge("cairn_node_quota_bytes").value());
  }

  @Test
  void shouldRepairCountersThatDisagreeWithTheMetadata() throws StoreException {
    put(random(new Random(11), 1234), ALICE);
    db.shardStoreForTesting().setUsedBytesCounterForTesting(999_999);

    reopen(1 << 20);

    assertTrue(db.shardStoreForTesting().countersRepairedAtOpenForTesting());
    assertEquals(1234, store.usedBytes());
    assertEquals(1234, db.shardStoreForTesting().persistedCountersForTesting()[0]);
  }

  @Test
  void shouldRememberAnsweredAuditRoundsAcrossReopen() throws StoreException {
    Cid cid = Cid.of(new byte[] {1});
    byte[] nonce = random(new Random(12), 16);

    assertTrue(db.auditNonces().markAnswered(cid, nonce));
    assertFalse(db.auditNonces().markAnswered(cid, nonce));
    reopen(1 << 20);

    assertTrue(db.auditNonces().isAnswered(cid, nonce));
    assertFalse(db.auditNonces().markAnswered(cid, nonce));
    assertTrue(db.auditNonces().markAnswered(Cid.of(new byte[] {2}), nonce));
    nonce[0] ^= 1;
    assertTrue(db.auditNonces().markAnswered(cid, nonce));
  }

  @Test
  void shouldForgetAuditRoundsOfADeletedShard() throws StoreException {
    byte[] data = random(new Random(13), 100);
    Cid cid = Cid.of(data);
    Cid other = Cid.of(new byte[] {9});
    byte[] nonce = random(new Random(14), 16);
    put(data, ALICE);
    db.auditNonces().markAnswered(cid, nonce);
    db.auditNonces().markAnswered(other, nonce);

    store.delete(cid, ALICE);

    assertFalse(db.auditNonces().isAnswered(cid, nonce));
    assertTrue(db.auditNonces().isAnswered(other, nonce));
  }

  @Test
  void shouldRefuseBadNonceLengths() {
    Cid cid = Cid.of(new byte[] {1});
    assertThrows(
        IllegalArgumentException.class, () -> db.auditNonces().markAnswered(cid, new byte[0]));
    assertThrows(
        IllegalArgumentException.class, () -> db.auditNonces().markAnswered(cid, new byte[65]));
  }

  @Test
  void shouldFailCleanlyAfterClose() {
    db.close();

    StoreException e = assertThrows(StoreException.class, () -> store.get(Cid.of(new byte[] {1})));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertFalse(db.isOpen());
  }

  @Test
  void shouldRefuseASecondOpenOfTheSameFolder() {
    StoreException e =
        assertThrows(
            StoreException.class,
            () -> RocksNodeDatabase.open(dir, 1, new MetricsRegistry(), clock));
    assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
  }

  @Test
  void shouldServeAuditReadsWithoutCopying() throws StoreException, IOException {
    byte[] data = random(new Random(15), 10_000);
    put(data, ALICE);
    var src = assertInstanceOf(ReadResult.Found.class, store.get(Cid.of(data))).blockSource();
    byte[] dst = new byte[100];

    src.read(9_900, dst, 0, 100);

    assertEquals(10_000, src.size());
    assertArrayEquals(java.util.Arrays.copyOfRange(data, 9_900, 10_000), dst);
    assertThrows(java.io.EOFException.class, () -> src.read(9_901, dst, 0, 100));
  }

  Counter counter(String name) {
    return (Counter) metrics.get(name);
  }

  Gauge gauge(String name) {
    return (Gauge) metrics.get(name);
  }
}
