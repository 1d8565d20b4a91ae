/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.audit.AuditRound;
import io.cairn.client.crypto.KdfParams;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Deterministic manifests, peers and keys for the manifest tests. */
final class ManifestFixtures {
  static final Instant CREATED_AT = Instant.parse("2026-01-02T03:04:05.678Z");
  static final KdfParams KDF =
      KdfParams.of(
          Bytes.fromHex("00112233445566778899aabbccddeeff"),
          KdfParams.DEFAULT_MEMORY_KIB,
          KdfParams.DEFAULT_ITERATIONS,
          KdfParams.DEFAULT_PARALLELISM);

  private ManifestFixtures() {}

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] sha256Of(byte[] data, int off, int len) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(data, off, len);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Stand-in for the client key schedule: the MAC key and password check are SHA-256 of the
   * password and a label (the real ones come from Argon2id and HKDF).
   */
  static ManifestKeys keys(String password) {
    byte[] check = new byte[Manifest.PASSWORD_CHECK_LENGTH];
    System.arraycopy(sha256("check:" + password), 0, check, 0, check.length);
    return ManifestKeys.of(sha256("mac:" + password), check);
  }

  /** A peer id whose key is SHA-256 of {@code "peer " + n}. */
  static PeerId peer(int n) {
    return PeerId.of(Ed25519.PublicKey.of(sha256("peer " + n)));
  }

  static List<PeerId> peers(int count) {
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      peers.add(peer(i));
    }
    return peers;
  }

  static Cid cid(String label) {
    return Cid.of(label.getBytes(StandardCharsets.UTF_8));
  }

  static Bytes randomBytes(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return Bytes.wrap(b);
  }

  /** The smallest valid shard size for a segment of {@code length} bytes, plus a GCM tag. */
  static int shardSize(long length, int k) {
    return (int) ((length + 16 + k - 1) / k);
  }

  /** A builder with fixed header fields and no shards. */
  static ManifestBuilder header(long fileSize, int segmentSize, int k, int m) {
    return new ManifestBuilder()
        .kdf(KDF)
        .fileId(Bytes.wrap(sha256("file id")))
        .fileSize(fileSize)
        .segmentSize(segmentSize)
        .erasure(k, m)
        .createdAt(CREATED_AT);
  }

  /** A complete manifest: every shard placed on one peer, nothing else. */
  static Manifest simple(long fileSize, int segmentSize, int k, int m) throws ManifestException {
    ManifestBuilder b = header(fileSize, segmentSize, k, m);
    long segments = Manifest.segmentCountFor(fileSize, segmentSize);
    PeerId peer = peer(0);
    for (int s = 0; s < segments; s++) {
      int size = shardSize(Manifest.segmentLength(fileSize, segmentSize, s), k);
      for (int i = 0; i < k + m; i++) {
        b.addShard(ShardEntry.of(cid(s + "/" + i), size, s, i, List.of(peer)));
      }
    }
    return b.build(keys("password"));
  }

  /**
   * A seeded-random manifest: random k, m, sizes, optional fields (non-ASCII names included),
   * placements, receipts and audit rounds; {@code maxSegments} bounds its size.
   */
  static Manifest random(long seed, int maxSegments) throws ManifestException {
    Random rnd = new Random(seed);
    int k = 1 + rnd.nextInt(6);
    int m = rnd.nextInt(4);
    int segmentSize = 1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 1 << 20);
    int segments = 1 + rnd.nextInt(maxSegments);
    long fileSize =
        segments == 1 && rnd.nextInt(4) == 0
            ? 0
            : (long) (segments - 1) * segmentSize + 1 + rnd.nextInt(segmentSize);
    ManifestBuilder b =
        new ManifestBuilder()
            .kdf(
                KdfParams.of(
                    randomBytes(rnd, 16),
                    8 * (1 + rnd.nextInt(8192)),
                    1 + rnd.nextInt(4),
                    1 + rnd.nextInt(2)))
            .fileId(randomBytes(rnd, 32))
            .fileSize(fileSize)
            .segmentSize(segmentSize)
            .erasure(k, m)
            .createdAt(Instant.ofEpochMilli(rnd.nextLong(0, 4_000_000_000_000L)))
            .auditSampling(new AuditSampling(512 << rnd.nextInt(12), 1 + rnd.nextInt(32)));
    if (rnd.nextBoolean()) {
      b.fileName(rnd.nextBoolean() ? "report " + seed + ".pdf" : "Grüße-日本-" + seed + "-🙂.txt");
    }
    if (rnd.nextBoolean()) {
      b.contentType("application/octet-stream");
    }
    List<PeerId> pool = peers(12);
    List<ShardEntry> all = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      long length = Manifest.segmentLength(fileSize, segmentSize, s);
      int size = shardSize(length, k) + rnd.nextInt(64);
      for (int i = 0; i < k + m; i++) {
        List<PeerId> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, rnd);
        List<PeerId> placement = shuffled.subList(0, rnd.nextInt(5));
        List<ShardReceipt> receipts = new ArrayList<>();
        for (PeerId p : placement) {
          if (rnd.nextBoolean()) {
            receipts.add(new ShardReceipt(p, randomBytes(rnd, 1 + rnd.nextInt(200))));
          }
        }
        List<AuditRound> rounds = new ArrayList<>();
        for (int r = rnd.nextInt(9); r > 0; r--) {
          rounds.add(new AuditRound(randomBytes(rnd, 16), randomBytes(rnd, 32)));
        }
        all.add(
            new ShardEntry(
                Cid.ofDigest(randomBytes(rnd, 32).toArray()),
                size,
                s,
                i,
                placement,
                receipts,
                rounds));
      }
    }
    Collections.shuffle(all, rnd); // the builder must not care about arrival order
    for (ShardEntry e : all) {
      b.addShard(e);
    }
    return b.build(keys("password " + seed));
  }
}
