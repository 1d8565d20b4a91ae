/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.PeerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ManifestBuilderTest {
  private static final ManifestKeys KEYS = ManifestFixtures.keys("builder");

  private static List<ShardEntry> shards(long fileSize, int segmentSize, int k, int m) {
    List<ShardEntry> all = new ArrayList<>();
    long segments = Manifest.segmentCountFor(fileSize, segmentSize);
    for (int s = 0; s < segments; s++) {
      int size = ManifestFixtures.shardSize(Manifest.segmentLength(fileSize, segmentSize, s), k);
      for (int i = 0; i < k + m; i++) {
        all.add(
            ShardEntry.of(
                ManifestFixtures.cid(s + "/" + i), size, s, i, List.of(ManifestFixtures.peer(i))));
      }
    }
    return all;
  }

  @Test
  void shouldGiveTheSameBytesWhateverTheArrivalOrderOrThread() throws Exception {
    List<ShardEntry> all = shards(10_000, 512, 4, 2);
    ManifestBuilder sequential = ManifestFixtures.header(10_000, 512, 4, 2);
    for (ShardEntry s : all) {
      sequential.addShard(s);
    }
    byte[] expected = ManifestCodec.encode(sequential.build(KEYS));

    for (long seed = 1; seed <= 5; seed++) {
      List<ShardEntry> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(seed));
      ManifestBuilder b = ManifestFixtures.header(0, 512, 4, 2); // size known only at the end
      try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          List<ShardEntry> part = shuffled.subList(t * all.size() / 4, (t + 1) * all.size() / 4);
          done.add(
              pool.submit(
                  () -> {
                    for (ShardEntry s : part) {
                      b.addShard(s);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      }
      b.fileSize(10_000);
      assertArrayEquals(expected, ManifestCodec.encode(b.build(KEYS)), "seed " + seed);
    }
  }

  @Test
  void shouldAddWholeSegments() throws ManifestException {
    ManifestBuilder b = ManifestFixtures.header(100, 64, 2, 1);
    List<ShardEntry> all = shards(100, 64, 2, 1);
    b.addSegment(1, all.subList(3, 6)).addSegment(0, all.subList(0, 3));
    assertEquals(6, b.shardCount());
    assertEquals(all, b.build(KEYS).shards());
    ManifestException e =
        assertThrows(ManifestException.class, () -> b.addSegment(2, all.subList(0, 1)));
    assertEquals(Reason.MALFORMED, e.reason());
  }

  @Test
  void shouldRefuseDuplicatesAndIndicesBeyondKPlusM() throws ManifestException {
    ManifestBuilder b = ManifestFixtures.header(100, 64, 2, 1);
    ShardEntry first = shards(100, 64, 2, 1).get(0);
    b.addShard(first);
    ManifestException e = assertThrows(ManifestException.class, () -> b.addShard(first));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals("shard (segment 0, index 0) was already added", e.getMessage());
    e =
        assertThrows(
            ManifestException.class,
            () -> b.addShard(ShardEntry.of(ManifestFixtures.cid("x"), 40, 0, 3, List.of())));
    assertEquals("shard (segment 0, index 3) has an index beyond k + m = 3", e.getMessage());
  }

  @Test
  void shouldNameTheFirstMissingShardAndShardsPastTheEnd() throws ManifestException {
    List<ShardEntry> all = shards(100, 64, 2, 1);
    ManifestBuilder b = ManifestFixtures.header(100, 64, 2, 1);
    for (ShardEntry s : all) {
      if (!(s.segment() == 1 && s.index() == 1)) {
        b.addShard(s);
      }
    }
    ManifestException e = assertThrows(ManifestException.class, () -> b.build(KEYS));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals(
        "segment 1 has no shard with index 1 (every segment needs k + m = 3 shards)",
        e.getMessage());

    b.addShard(all.get(4));
    b.fileSize(60); // now a one-segment file
    e = assertThrows(ManifestException.class, () -> b.build(KEYS));
    assertTrue(e.getMessage().contains("lies past the last segment 0"), e.getMessage());
  }

  @Test
  void shouldRefuseShardSizesThatDoNotFitTheSegment() throws ManifestException {
    // 100 bytes, k = 2: segment 0 holds 64 bytes, so its shards are 32..32+4096 bytes.
    for (int size : new int[] {31, 32 + ManifestLimits.MAX_SHARD_OVERHEAD + 1}) {
      ManifestBuilder b = ManifestFixtures.header(100, 64, 2, 1);
      for (ShardEntry s : shards(100, 64, 2, 1)) {
        b.addShard(
            s.segment() == 0 ? ShardEntry.of(s.cid(), size, 0, s.index(), s.placement()) : s);
      }
      ManifestException e = assertThrows(ManifestException.class, () -> b.build(KEYS));
      assertEquals(Reason.MALFORMED, e.reason());
      assertTrue(e.getMessage().contains("must be 32 to 4128 bytes, not " + size), e.getMessage());
    }
    ManifestBuilder b = ManifestFixtures.header(100, 64, 2, 1);
    for (ShardEntry s : shards(100, 64, 2, 1)) {
      b.addShard(
          s.index() == 2 ? ShardEntry.of(s.cid(), s.size() + 1, s.segment(), 2, List.of()) : s);
    }
    ManifestException e = assertThrows(ManifestException.class, () -> b.build(KEYS));
    assertTrue(
        e.getMessage().contains("all shards of a segment have the same size"), e.getMessage());
  }

  @Test
  void shouldGiveAnEmptyFileOneSegment() throws ManifestException {
    Manifest m = ManifestFixtures.simple(0, 4096, 3, 2);
    assertEquals(1, m.segmentCount());
    assertEquals(5, m.shards().size());
    assertEquals(0, m.segmentLength(0));
    assertEquals(m, ManifestCodec.decode(ManifestCodec.encode(m)));
  }

  @Test
  void shouldRebuildFromAManifestAndReplaceAShard() throws ManifestException {
    Manifest m = ManifestFixtures.random(5, 4);
    ManifestKeys keys = ManifestFixtures.keys("password 5");
    assertEquals(m, ManifestBuilder.from(m).build(keys));

    ShardEntry old = m.shard(0, 0);
    PeerId newPeer = ManifestFixtures.peer(99);
    Manifest repaired =
        ManifestBuilder.from(m)
            .replaceShard(
                new ShardEntry(
                    old.cid(), old.size(), 0, 0, List.of(newPeer), List.of(), old.auditRounds()))
            .build(keys);
    assertEquals(List.of(newPeer), repaired.shard(0, 0).placement());
    assertNotEquals(m.manifestHash(), repaired.manifestHash());
    assertEquals(m.merkleRoot(), repaired.merkleRoot()); // same CIDs
    ManifestCodec.authenticate(repaired, keys);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ManifestBuilder.from(m).replaceShard(ShardEntry.of(old.cid(), 1, 9999, 0, List.of())));
  }

  @Test
  void shouldRequireTheFileLevelFields() {
    ManifestBuilder b = new ManifestBuilder().kdf(ManifestFixtures.KDF);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.build(KEYS));
    assertTrue(e.getMessage().contains("file id"), e.getMessage());
  }

  @Test
  void shouldRefuseBadFieldsWithTheirNames() throws ManifestException {
    ManifestBuilder b = ManifestBuilder.from(ManifestFixtures.simple(10, 8, 1, 0));
    assertMalformed(b.fileName(""), "file name is empty");
    assertMalformed(b.fileName("a\u001b[31mred"), "file name contains control character U+001B");
    assertMalformed(b.fileName("\ud800"), "lone surrogate");
    b.fileName("ok.txt");
    assertMalformed(b.contentType("text/plain; charset=ü"), "content type must be ASCII");
    b.contentType(null);
    assertMalformed(b.cipher("AES"), "cipher may only use a-z, 0-9 and '-'");
    b.cipher(Manifest.CIPHER_AES_256_GCM);
    assertMalformed(b.fileId(Bytes.wrap(new byte[31])), "file id must be 32 bytes, got 31");
    b.fileId(Bytes.wrap(new byte[32]));
    assertMalformed(b.createdAt(Instant.parse("1969-12-31T23:59:59Z")), "created-at time");
    b.createdAt(Instant.parse("2026-01-01T00:00:00.123456789Z"));
    Manifest m = b.build(KEYS);
    assertEquals(Instant.parse("2026-01-01T00:00:00.123Z"), m.createdAt()); // milliseconds
    assertEquals(Optional.of("ok.txt"), m.fileName());
  }

  private static void assertMalformed(ManifestBuilder b, String message) {
    ManifestException e = assertThrows(ManifestException.class, () -> b.build(KEYS));
    assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void shouldKeepTheShardListAndPasswordCheckOutOfToString() throws ManifestException {
    Manifest m = ManifestFixtures.random(9, 3);
    String s = m.toString();
    assertTrue(s.length() < 400, s);
    assertTrue(!s.contains(m.passwordCheck().toHex().substring(0, 16)), s);
  }
}
