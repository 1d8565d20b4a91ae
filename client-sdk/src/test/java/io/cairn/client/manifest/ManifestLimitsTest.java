/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.audit.AuditRound;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every limit at its bound (accepted) and one past it (refused, naming the limit). */
class ManifestLimitsTest {
  private static final ManifestKeys KEYS = ManifestFixtures.keys("limits");

  // ---------------------------------------------------------------- shards per manifest

  @Test
  void shouldAcceptTheShardLimitAndRefuseOneMoreOnBuild() throws ManifestException {
    int limit = ManifestLimits.MAX_SHARDS;
    // k = 1, m = 0 and one-byte segments: one shard per plaintext byte.
    ManifestBuilder b = ManifestFixtures.header(limit, 1, 1, 0);
    for (int s = 0; s < limit; s++) {
      b.addShard(ShardEntry.of(cidOf(s), 17, s, 0, List.of()));
    }
    Manifest m = b.build(KEYS);
    assertEquals(limit, m.shards().size());

    byte[] bytes = ManifestCodec.encode(m);
    assertEquals(m, ManifestCodec.decode(bytes));

    ManifestException e =
        assertThrows(
            ManifestException.class,
            () -> b.addShard(ShardEntry.of(cidOf(limit), 17, 0, 1, List.of())));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    assertEquals("manifest has 250001 shards; the limit is 250000", e.getMessage());

    // A file whose size needs one shard more is refused at build time too.
    e =
        assertThrows(
            ManifestException.class,
            () -> ManifestBuilder.from(m).fileSize(limit + 1L).build(KEYS));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    assertTrue(e.getMessage().contains("250001 shards"), e.getMessage());
    assertTrue(e.getMessage().contains("the limit is 250000"), e.getMessage());
  }

  @Test
  void shouldRefuseOneShardTooManyOnDecodeBeforeReadingThem() throws ManifestException {
    Manifest m = ManifestFixtures.simple(100, 64, 2, 1);
    byte[] bytes = ManifestCodec.encode(m);
    ByteBuffer.wrap(bytes).putInt(shardCountOffset(m), ManifestLimits.MAX_SHARDS + 1);
    ManifestException e = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    assertEquals("manifest has 250001 shards; the limit is 250000", e.getMessage());

    // A huge count is refused the same way, never allocated.
    ByteBuffer.wrap(bytes).putInt(shardCountOffset(m), -1);
    e = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    assertEquals("manifest has 4294967295 shards; the limit is 250000", e.getMessage());
  }

  @Test
  void shouldRefuseAHugeFileSizeWithoutOverflowing() throws ManifestException {
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () ->
                ManifestBuilder.from(ManifestFixtures.simple(10, 1, 1, 0))
                    .fileSize(Long.MAX_VALUE)
                    .erasure(200, 56)
                    .build(KEYS));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    assertEquals(
        "manifest has 2361183241434822606592 shards (9223372036854775807 segments of k + m ="
            + " 256); the limit is 250000",
        e.getMessage());

    Manifest m = ManifestFixtures.simple(10, 1, 1, 0);
    byte[] bytes = ManifestCodec.encode(m);
    int fileSizeAt = 8 + 1 + 8 + 16 + 13 + 16 + 32;
    ByteBuffer.wrap(bytes).putLong(fileSizeAt, Long.MAX_VALUE);
    ManifestException d = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.LIMIT_EXCEEDED, d.reason());
    assertTrue(d.getMessage().contains("needs 9223372036854775807 shards"), d.getMessage());
  }

  // ---------------------------------------------------------------- per shard

  @Test
  void shouldAcceptSixtyFourPeersAndRefuseSixtyFive() throws ManifestException {
    List<PeerId> peers = ManifestFixtures.peers(65);
    Manifest m = oneShard(peers.subList(0, 64), List.of(), List.of());
    byte[] bytes = ManifestCodec.encode(m);
    assertEquals(m, ManifestCodec.decode(bytes));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> oneShard(peers, List.of(), List.of()));
    assertEquals("shard (segment 0, index 0) has 65 peers; the limit is 64", e.getMessage());

    bytes[firstShardOffset(m) + 46] = 65; // the placement count of shard 0
    ManifestException d = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.LIMIT_EXCEEDED, d.reason());
    assertEquals("shard (segment 0, index 0) has 65 peers; the limit is 64", d.getMessage());
  }

  @Test
  void shouldAcceptSixtyFourAuditRoundsAndRefuseSixtyFive() throws ManifestException {
    Random rnd = new Random(64);
    List<AuditRound> rounds = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      rounds.add(
          new AuditRound(
              ManifestFixtures.randomBytes(rnd, 16), ManifestFixtures.randomBytes(rnd, 32)));
    }
    Manifest m = oneShard(List.of(), List.of(), rounds.subList(0, 64));
    byte[] bytes = ManifestCodec.encode(m);
    assertEquals(m, ManifestCodec.decode(bytes));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> oneShard(List.of(), List.of(), rounds));
    assertEquals("shard (segment 0, index 0) has 65 audit rounds; the limit is 64", e.getMessage());

    // No peers, no receipts: the audit round count follows the two empty list counts.
    bytes[firstShardOffset(m) + 48] = 65;
    ManifestException d = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.LIMIT_EXCEEDED, d.reason());
    assertEquals("shard (segment 0, index 0) has 65 audit rounds; the limit is 64", d.getMessage());
  }

  @Test
  void shouldAcceptSixtyFourReceiptsAndRefuseSixtyFive() throws ManifestException {
    List<PeerId> peers = ManifestFixtures.peers(64);
    List<ShardReceipt> receipts = new ArrayList<>();
    for (PeerId p : peers) {
      receipts.add(new ShardReceipt(p, Bytes.wrap(new byte[] {1, 2, 3})));
    }
    Manifest m = oneShard(peers, receipts, List.of());
    byte[] bytes = ManifestCodec.encode(m);
    assertEquals(m, ManifestCodec.decode(bytes));

    List<ShardReceipt> tooMany = new ArrayList<>(receipts);
    tooMany.add(receipts.get(0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> oneShard(peers, tooMany, List.of()));
    assertEquals("shard (segment 0, index 0) has 65 receipts; the limit is 64", e.getMessage());

    bytes[firstShardOffset(m) + 46 + 1 + 64 * 39] = 65;
    ManifestException d = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.LIMIT_EXCEEDED, d.reason());
    assertEquals("shard (segment 0, index 0) has 65 receipts; the limit is 64", d.getMessage());
  }

  @Test
  void shouldBoundReceiptLength() throws ManifestException {
    PeerId p = ManifestFixtures.peer(0);
    Manifest m =
        oneShard(
            List.of(p),
            List.of(new ShardReceipt(p, Bytes.wrap(new byte[ManifestLimits.MAX_RECEIPT_BYTES]))),
            List.of());
    byte[] bytes = ManifestCodec.encode(m);
    assertEquals(m, ManifestCodec.decode(bytes));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ShardReceipt(p, Bytes.wrap(new byte[ManifestLimits.MAX_RECEIPT_BYTES + 1])));
    assertEquals("receipt is 4097 bytes; the limit is 4096 bytes", e.getMessage());

    int lengthAt = firstShardOffset(m) + 46 + 1 + 39 + 1 + 1;
    ByteBuffer.wrap(bytes).putShort(lengthAt, (short) 4097);
    ManifestException d = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.LIMIT_EXCEEDED, d.reason());
    assertTrue(d.getMessage().endsWith("is 4097 bytes; the limit is 4096 bytes"), d.getMessage());
  }

  @Test
  void shouldBoundFileNameLength() throws ManifestException {
    String atLimit = "é".repeat(512); // 1024 UTF-8 bytes
    Manifest m =
        ManifestBuilder.from(ManifestFixtures.simple(10, 8, 1, 0)).fileName(atLimit).build(KEYS);
    assertEquals(m, ManifestCodec.decode(ManifestCodec.encode(m)));
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () -> ManifestBuilder.from(m).fileName(atLimit + "x").build(KEYS));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    assertEquals("file name is 1025 bytes; the limit is 1024 bytes", e.getMessage());
  }

  // ---------------------------------------------------------------- encoded size

  @Test
  void shouldAcceptExactlySixteenMebibytesAndRefuseOneByteMore() throws ManifestException {
    int limit = ManifestLimits.MAX_ENCODED_BYTES;
    int full = ManifestLimits.MAX_RECEIPT_BYTES;
    // Shards of k = 1, m = 0, one peer and one receipt each: 91 bytes plus the receipt.
    int perShard = 91 + full;
    int base = ManifestCodec.encode(padded(1, 1, 0)).length - (91 + 1);
    int n = 1 + (limit - base - 92) / perShard;
    int lastReceipt = limit - base - 91 - (n - 1) * perShard;
    int nameLength = 0;
    if (lastReceipt >= full) {
      nameLength = Math.max(1, lastReceipt - full - 1);
      lastReceipt -= 2 + nameLength;
    }
    Manifest exact = padded(n, lastReceipt, nameLength);
    byte[] bytes = ManifestCodec.encode(exact);
    assertEquals(limit, bytes.length);
    assertEquals(exact, ManifestCodec.decode(bytes));

    int oneMore = lastReceipt + 1;
    int finalNameLength = nameLength;
    ManifestException e =
        assertThrows(ManifestException.class, () -> padded(n, oneMore, finalNameLength));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals(
        "manifest would be 16777217 bytes encoded; the limit is 16777216 bytes (16 MiB)",
        e.getMessage());

    byte[] tooLong = Arrays.copyOf(bytes, limit + 1);
    e = assertThrows(ManifestException.class, () -> ManifestCodec.decode(tooLong));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals(
        "manifest is 16777217 bytes; the limit is 16777216 bytes (16 MiB)", e.getMessage());
  }

  /** {@code n} one-byte segments, each shard on peer 0 with a receipt; the last receipt sized. */
  private static Manifest padded(int n, int lastReceipt, int nameLength) throws ManifestException {
    PeerId p = ManifestFixtures.peer(0);
    ManifestBuilder b = ManifestFixtures.header(n, 1, 1, 0);
    if (nameLength > 0) {
      b.fileName("n".repeat(nameLength));
    }
    Bytes full = Bytes.wrap(new byte[ManifestLimits.MAX_RECEIPT_BYTES]);
    for (int s = 0; s < n; s++) {
      Bytes receipt = s == n - 1 ? Bytes.wrap(new byte[lastReceipt]) : full;
      b.addShard(
          new ShardEntry(
              cidOf(s), 17, s, 0, List.of(p), List.of(new ShardReceipt(p, receipt)), List.of()));
    }
    return b.build(KEYS);
  }

  // ---------------------------------------------------------------- helpers

  private static Manifest oneShard(
      List<PeerId> placement, List<ShardReceipt> receipts, List<AuditRound> rounds)
      throws ManifestException {
    return ManifestFixtures.header(10, 16, 1, 0)
        .addShard(new ShardEntry(cidOf(0), 26, 0, 0, placement, receipts, rounds))
        .build(KEYS);
  }

  private static Cid cidOf(int n) {
    byte[] digest = new byte[32];
    ByteBuffer.wrap(digest).putInt(n);
    return Cid.ofDigest(digest);
  }

  /** Offset of the u32 shard count, following the layout in docs/manifest.md. */
  static int shardCountOffset(Manifest m) {
    int at = 7 + 1; // magic, version
    at += 1 + m.kdf().algorithm().length() + 16 + 4 + 4 + 4 + 1; // kdf
    at += 16 + 32; // password check, file id
    at += 8 + 4 + 4 + 2 + 2; // file size, segment size, segment count, k, m
    at += 1 + m.cipher().length() + 8; // cipher, created-at
    at +=
        m.fileName()
            .map(n -> 1 + 2 + n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .orElse(1);
    at += m.contentType().map(t -> 1 + 1 + t.length()).orElse(1);
    at += 4 + 4; // audit sampling
    return at;
  }

  static int firstShardOffset(Manifest m) {
    return shardCountOffset(m) + 4;
  }
}
