/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.crypto.KdfParams;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.client.manifest.internal.ByteWriter;
import io.cairn.client.manifest.internal.Digests;
import io.cairn.client.manifest.internal.ManifestViolation;
import io.cairn.protocol.Bytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Assembles a {@link Manifest} as the upload pipeline produces it: the file-level fields are set
 * once (the file size may come last, when the input stream ends), shards are added per segment in
 * any order and from any thread, and {@link #build(ManifestKeys)} sorts them, checks that every
 * segment is complete and every limit holds, computes the Merkle root, the manifest hash and the
 * auth tag.
 *
 * <p>Limits fail early: {@link #addShard} refuses the shard that would make the manifest exceed
 * {@link ManifestLimits#MAX_SHARDS}, and {@link #build} refuses a manifest whose encoding would be
 * larger than {@link ManifestLimits#MAX_ENCODED_BYTES}. Per-shard limits are enforced when the
 * {@link ShardEntry} is constructed. Setting a field twice replaces it. All methods are
 * thread-safe.
 */
public final class ManifestBuilder {
  private KdfParams kdf;
  private Bytes fileId;
  private Long fileSize;
  private Integer segmentSize;
  private Integer k;
  private Integer m;
  private String cipher = Manifest.CIPHER_AES_256_GCM;
  private Instant createdAt;
  private Optional<String> fileName = Optional.empty();
  private Optional<String> contentType = Optional.empty();
  private AuditSampling auditSampling = AuditSampling.DEFAULT;
  private final TreeMap<Long, ShardEntry> shards = new TreeMap<>();

  public ManifestBuilder() {}

  /** A builder holding every field and shard of {@code manifest}, to change and build again. */
  public static ManifestBuilder from(Manifest manifest) {
    ManifestBuilder b = new ManifestBuilder();
    b.kdf = manifest.kdf();
    b.fileId = manifest.fileId();
    b.fileSize = manifest.fileSize();
    b.segmentSize = manifest.segmentSize();
    b.k = manifest.k();
    b.m = manifest.m();
    b.cipher = manifest.cipher();
    b.createdAt = manifest.createdAt();
    b.fileName = manifest.fileName();
    b.contentType = manifest.contentType();
    b.auditSampling = manifest.auditSampling();
    for (ShardEntry s : manifest.shards()) {
      b.shards.put(key(s), s);
    }
    return b;
  }

  public synchronized ManifestBuilder kdf(KdfParams kdf) {
    this.kdf = Objects.requireNonNull(kdf, "kdf");
    return this;
  }

  public synchronized ManifestBuilder fileId(Bytes fileId) {
    this.fileId = Objects.requireNonNull(fileId, "fileId");
    return this;
  }

  public synchronized ManifestBuilder fileSize(long fileSize) {
    this.fileSize = fileSize;
    return this;
  }

  public synchronized ManifestBuilder segmentSize(int segmentSize) {
    this.segmentSize = segmentSize;
    return this;
  }

  /** The erasure code: {@code k} data and {@code m} parity shards per segment. */
  public synchronized ManifestBuilder erasure(int k, int m) {
    this.k = k;
    this.m = m;
    return this;
  }

  /** The segment AEAD; {@link Manifest#CIPHER_AES_256_GCM} unless set. */
  public synchronized ManifestBuilder cipher(String cipher) {
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    return this;
  }

  public synchronized ManifestBuilder createdAt(Instant createdAt) {
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    return this;
  }

  /** The original file name; {@code null} for none. */
  public synchronized ManifestBuilder fileName(String fileName) {
    this.fileName = Optional.ofNullable(fileName);
    return this;
  }

  /** The content type; {@code null} for none. */
  public synchronized ManifestBuilder contentType(String contentType) {
    this.contentType = Optional.ofNullable(contentType);
    return this;
  }

  /** How audit rounds sample shards; {@link AuditSampling#DEFAULT} unless set. */
  public synchronized ManifestBuilder auditSampling(AuditSampling auditSampling) {
    this.auditSampling = Objects.requireNonNull(auditSampling, "auditSampling");
    return this;
  }

  /**
   * Adds one shard.
   *
   * @throws ManifestException {@link Reason#MALFORMED} if a shard with the same (segment, index) is
   *     already there or the index is not below k + m (once {@link #erasure} is set); {@link
   *     Reason#LIMIT_EXCEEDED} if the manifest would have more than {@link
   *     ManifestLimits#MAX_SHARDS} shards
   */
  public synchronized ManifestBuilder addShard(ShardEntry shard) throws ManifestException {
    Objects.requireNonNull(shard, "shard");
    if (shards.size() >= ManifestLimits.MAX_SHARDS) {
      throw new ManifestException(
          Reason.LIMIT_EXCEEDED,
          "manifest has "
              + (shards.size() + 1)
              + " shards; the limit is "
              + ManifestLimits.MAX_SHARDS);
    }
    if (k != null && shard.index() >= k + m) {
      throw new ManifestException(
          Reason.MALFORMED,
          "shard (segment "
              + shard.segment()
              + ", index "
              + shard.index()
              + ") has an index beyond k + m = "
              + (k + m));
    }
    if (shards.containsKey(key(shard))) {
      throw new ManifestException(
          Reason.MALFORMED,
          "shard (segment " + shard.segment() + ", index " + shard.index() + ") was already added");
    }
    shards.put(key(shard), shard);
    return this;
  }

  /** Adds all shards of one segment; each must belong to {@code segment}. */
  public synchronized ManifestBuilder addSegment(int segment, List<ShardEntry> segmentShards)
      throws ManifestException {
    for (ShardEntry s : segmentShards) {
      if (s.segment() != segment) {
        throw new ManifestException(
            Reason.MALFORMED,
            "shard (segment "
                + s.segment()
                + ", index "
                + s.index()
                + ") was added as part of segment "
                + segment);
      }
    }
    for (ShardEntry s : segmentShards) {
      addShard(s);
    }
    return this;
  }

  /**
   * Replaces the shard at the same (segment, index), for example with a new placement after a
   * repair.
   *
   * @throws IllegalArgumentException if there is no such shard yet
   */
  public synchronized ManifestBuilder replaceShard(ShardEntry shard) {
    Objects.requireNonNull(shard, "shard");
    if (!shards.containsKey(key(shard))) {
      throw new IllegalArgumentException(
          "no shard (segment " + shard.segment() + ", index " + shard.index() + ") to replace");
    }
    shards.put(key(shard), shard);
    return this;
  }

  /** Shards added so far. */
  public synchronized int shardCount() {
    return shards.size();
  }

  /**
   * The finished, authenticated manifest: its password check is {@code keys.passwordCheck()} and
   * its auth tag is made with {@code keys.macKey()}.
   *
   * @throws IllegalStateException if a required field (kdf, file id, file size, segment size,
   *     erasure, created-at time) was never set
   * @throws ManifestException if a segment is incomplete or a shard lies past the last segment
   *     ({@link Reason#MALFORMED}), a field is out of range ({@link Reason#MALFORMED}), a limit is
   *     exceeded ({@link Reason#LIMIT_EXCEEDED}) or the encoding would be larger than {@link
   *     ManifestLimits#MAX_ENCODED_BYTES} ({@link Reason#TOO_LARGE})
   */
  public synchronized Manifest build(ManifestKeys keys) throws ManifestException {
    Objects.requireNonNull(keys, "keys");
    require(kdf, "kdf");
    require(fileId, "file id");
    require(fileSize, "file size");
    require(segmentSize, "segment size");
    require(k, "erasure (k, m)");
    require(createdAt, "created-at time");
    if (fileSize < 0 || segmentSize < 1) {
      throw new ManifestException(
          Reason.MALFORMED,
          "file size " + fileSize + " and segment size " + segmentSize + " must be positive");
    }
    long segments = Manifest.segmentCountFor(fileSize, segmentSize);
    int n = k + m;
    if (k >= 1 && m >= 0 && n <= ManifestLimits.MAX_SHARDS_PER_SEGMENT) {
      if (segments > ManifestLimits.MAX_SHARDS || segments * n > ManifestLimits.MAX_SHARDS) {
        throw new ManifestException(
            Reason.LIMIT_EXCEEDED,
            "manifest has "
                + Manifest.shardsNeeded(segments, n)
                + " shards ("
                + segments
                + " segments of k + m = "
                + n
                + "); the limit is "
                + ManifestLimits.MAX_SHARDS);
      }
      checkComplete(segments, n);
    }
    List<ShardEntry> sorted = new ArrayList<>(shards.values());
    Bytes zero = Bytes.wrap(new byte[Manifest.HASH_LENGTH]);
    Manifest unsealed;
    try {
      unsealed =
          new Manifest(
              Manifest.FORMAT_VERSION,
              kdf,
              keys.passwordCheck(),
              fileId,
              fileSize,
              segmentSize,
              (int) segments,
              k,
              m,
              cipher,
              createdAt,
              fileName,
              contentType,
              auditSampling,
              sorted,
              MerkleTree.rootOfCids(sorted.stream().map(ShardEntry::cid).toList()),
              zero,
              zero);
    } catch (IllegalArgumentException e) {
      throw ManifestViolation.toChecked(e, "");
    }
    ByteWriter body = ManifestCodec.body(unsealed);
    long encodedSize = (long) body.size() + ManifestCodec.TRAILER_LENGTH;
    if (encodedSize > ManifestLimits.MAX_ENCODED_BYTES) {
      throw new ManifestException(
          Reason.TOO_LARGE,
          "manifest would be "
              + encodedSize
              + " bytes encoded; the limit is "
              + ManifestLimits.MAX_ENCODED_BYTES
              + " bytes (16 MiB)");
    }
    Bytes hash = Bytes.wrap(Digests.sha256(body.buffer(), 0, body.size()));
    return new Manifest(
        unsealed.formatVersion(),
        unsealed.kdf(),
        unsealed.passwordCheck(),
        unsealed.fileId(),
        unsealed.fileSize(),
        unsealed.segmentSize(),
        unsealed.segmentCount(),
        unsealed.k(),
        unsealed.m(),
        unsealed.cipher(),
        unsealed.createdAt(),
        unsealed.fileName(),
        unsealed.contentType(),
        unsealed.auditSampling(),
        unsealed.shards(),
        unsealed.merkleRoot(),
        hash,
        ManifestCodec.authTag(keys.macKey(), hash));
  }

  /** Names the first missing (segment, index) or the first shard past the last segment. */
  private void checkComplete(long segments, int n) throws ManifestException {
    Map.Entry<Long, ShardEntry> last = shards.lastEntry();
    if (last != null && last.getValue().segment() >= segments) {
      ShardEntry s = last.getValue();
      throw new ManifestException(
          Reason.MALFORMED,
          "shard (segment "
              + s.segment()
              + ", index "
              + s.index()
              + ") lies past the last segment "
              + (segments - 1)
              + " of a "
              + fileSize
              + "-byte file in "
              + segmentSize
              + "-byte segments");
    }
    if (shards.size() == segments * n) {
      return;
    }
    for (int s = 0; s < segments; s++) {
      for (int i = 0; i < n; i++) {
        if (!shards.containsKey(key(s, i))) {
          throw new ManifestException(
              Reason.MALFORMED,
              "segment "
                  + s
                  + " has no shard with index "
                  + i
                  + " (every segment needs k + m = "
                  + n
                  + " shards)");
        }
      }
    }
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalStateException("manifest builder: " + field + " was not set");
    }
  }

  private static long key(ShardEntry s) {
    return key(s.segment(), s.index());
  }

  private static long key(long segment, int index) {
    return (segment << 16) | index;
  }
}
