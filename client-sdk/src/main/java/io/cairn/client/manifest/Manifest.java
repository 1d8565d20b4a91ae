/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.crypto.KdfParams;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.client.manifest.internal.Checks;
import io.cairn.client.manifest.internal.ManifestViolation;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file's metadata-only manifest (format version 1): everything needed to find, verify, audit and
 * rebuild the file, and nothing of its content. See {@code docs/manifest.md} for the byte layout.
 *
 * <p>The constructor checks the structure: every field in range, the per-shard and per-manifest
 * limits ({@link ManifestLimits}), {@code segmentCount} consistent with the file and segment sizes,
 * the shards sorted by (segment, index) with every segment complete (exactly k + m shards with
 * indices 0..k+m-1), and shard sizes consistent with the segment length and k. A violation throws
 * {@link IllegalArgumentException} with a message that names the field and values.
 *
 * <p>The constructor does <em>not</em> check the Merkle root, the manifest hash or the auth tag:
 * build manifests with {@link ManifestBuilder} (which computes them) and read them with {@link
 * ManifestCodec} (which verifies them).
 *
 * @param formatVersion always {@link #FORMAT_VERSION}
 * @param kdf how to derive the keys from the password
 * @param passwordCheck 16 bytes derived from the password, to tell a wrong password from tampering
 * @param fileId the random 32-byte file id the content key and the segment AEAD are bound to
 * @param fileSize plaintext length in bytes
 * @param segmentSize plaintext bytes per segment (the last segment may be shorter)
 * @param segmentCount {@link #segmentCountFor(long, int)} of the sizes; an empty file has one
 *     (empty) segment
 * @param k data shards per segment
 * @param m parity shards per segment
 * @param cipher the segment AEAD, {@link #CIPHER_AES_256_GCM}
 * @param createdAt creation time, kept to the millisecond (finer parts are dropped)
 * @param fileName the original file name, if recorded (at most 1024 UTF-8 bytes, no control
 *     characters); never a trusted path
 * @param contentType a media type, if recorded (ASCII, at most 255 bytes)
 * @param auditSampling how every audit round samples its shard
 * @param shards all shards, sorted by (segment, index)
 * @param merkleRoot the {@link MerkleTree} root over the shard CIDs in that order
 * @param manifestHash SHA-256 of the canonical encoding without hash and tag
 * @param authTag HMAC-SHA256(manifest MAC key, manifestHash)
 */
public record Manifest(
    int formatVersion,
    KdfParams kdf,
    Bytes passwordCheck,
    Bytes fileId,
    long fileSize,
    int segmentSize,
    int segmentCount,
    int k,
    int m,
    String cipher,
    Instant createdAt,
    Optional<String> fileName,
    Optional<String> contentType,
    AuditSampling auditSampling,
    List<ShardEntry> shards,
    Bytes merkleRoot,
    Bytes manifestHash,
    Bytes authTag) {

  public static final int FORMAT_VERSION = 1;
  public static final String CIPHER_AES_256_GCM = "aes-256-gcm";
  public static final int PASSWORD_CHECK_LENGTH = 16;
  public static final int FILE_ID_LENGTH = 32;
  public static final int HASH_LENGTH = 32;
  public static final int TAG_LENGTH = 32;

  /** Latest creation time the format holds: the last millisecond of year 9999. */
  public static final Instant MAX_CREATED_AT = Instant.parse("9999-12-31T23:59:59.999Z");

  public Manifest {
    if (formatVersion != FORMAT_VERSION) {
      throw new ManifestViolation(
          Reason.UNSUPPORTED_VERSION,
          "manifest format version " + formatVersion + " is not supported; this is version 1");
    }
    Checks.notNull(kdf, "kdf");
    Checks.length(passwordCheck, PASSWORD_CHECK_LENGTH, "password check");
    Checks.length(fileId, FILE_ID_LENGTH, "file id");
    Checks.range(fileSize, 0, Long.MAX_VALUE, "file size");
    Checks.range(segmentSize, 1, ManifestLimits.MAX_SEGMENT_SIZE, "segment size");
    Checks.range(k, 1, ManifestLimits.MAX_SHARDS_PER_SEGMENT, "k");
    Checks.range(m, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1, "m");
    if (k + m > ManifestLimits.MAX_SHARDS_PER_SEGMENT) {
      throw ManifestViolation.malformed(
          "k + m is " + (k + m) + "; it must be at most " + ManifestLimits.MAX_SHARDS_PER_SEGMENT);
    }
    Checks.identifier(cipher, ManifestLimits.MAX_ID_LENGTH, "cipher");
    Checks.notNull(createdAt, "created-at time");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    if (createdAt.isBefore(Instant.EPOCH) || createdAt.isAfter(MAX_CREATED_AT)) {
      throw ManifestViolation.malformed(
          "created-at time " + createdAt + " is outside 1970-01-01 to " + MAX_CREATED_AT);
    }
    Checks.notNull(fileName, "file name")
        .ifPresent(n -> Checks.text(n, ManifestLimits.MAX_FILE_NAME_BYTES, false, "file name"));
    Checks.notNull(contentType, "content type")
        .ifPresent(
            t -> Checks.text(t, ManifestLimits.MAX_CONTENT_TYPE_BYTES, true, "content type"));
    Checks.notNull(auditSampling, "audit sampling");
    Checks.count(Checks.notNull(shards, "shards"), ManifestLimits.MAX_SHARDS, "manifest", "shards");
    shards = List.copyOf(shards);
    checkLayout(fileSize, segmentSize, segmentCount, k, m, shards);
    Checks.length(merkleRoot, HASH_LENGTH, "merkle root");
    Checks.length(manifestHash, HASH_LENGTH, "manifest hash");
    Checks.length(authTag, TAG_LENGTH, "auth tag");
  }

  /**
   * How many segments a file of {@code fileSize} bytes has: {@code ceil(fileSize / segmentSize)},
   * and 1 for an empty file (its single empty segment still carries an AEAD tag, so even an empty
   * file is authenticated).
   */
  public static long segmentCountFor(long fileSize, int segmentSize) {
    if (fileSize < 0 || segmentSize < 1) {
      throw new IllegalArgumentException(
          "file size " + fileSize + " and segment size " + segmentSize + " must be positive");
    }
    return fileSize == 0 ? 1 : (fileSize - 1) / segmentSize + 1;
  }

  /** Plaintext length of {@code segment}: the segment size, except for the last segment. */
  public static long segmentLength(long fileSize, int segmentSize, long segment) {
    long count = segmentCountFor(fileSize, segmentSize);
    if (segment < 0 || segment >= count) {
      throw new IllegalArgumentException(
          "segment " + segment + " is out of range; the file has " + count + " segments");
    }
    return segment < count - 1 ? segmentSize : fileSize - (count - 1) * segmentSize;
  }

  private static void checkLayout(
      long fileSize, int segmentSize, int segmentCount, int k, int m, List<ShardEntry> shards) {
    int n = k + m;
    long segments = segmentCountFor(fileSize, segmentSize);
    if (segments > ManifestLimits.MAX_SHARDS || segments * n > ManifestLimits.MAX_SHARDS) {
      throw new ManifestViolation(
          Reason.LIMIT_EXCEEDED,
          "a file of "
              + fileSize
              + " bytes in segments of "
              + segmentSize
              + " bytes with k + m = "
              + n
              + " needs "
              + shardsNeeded(segments, n)
              + " shards; the limit is "
              + ManifestLimits.MAX_SHARDS);
    }
    if (segmentCount != segments) {
      throw ManifestViolation.malformed(
          "segment count is "
              + segmentCount
              + ", but a file of "
              + fileSize
              + " bytes in segments of "
              + segmentSize
              + " bytes has "
              + segments);
    }
    if (shards.size() != segments * n) {
      throw ManifestViolation.malformed(
          "manifest has "
              + shards.size()
              + " shards, but "
              + segments
              + " segments of k + m = "
              + n
              + " shards need "
              + segments * n);
    }
    for (int s = 0; s < segmentCount; s++) {
      long length = segmentLength(fileSize, segmentSize, s);
      long minSize = Math.max(1, ceilDiv(length, k));
      long maxSize = ceilDiv(length, k) + ManifestLimits.MAX_SHARD_OVERHEAD;
      int size = shards.get(s * n).size();
      for (int i = 0; i < n; i++) {
        ShardEntry shard = shards.get(s * n + i);
        if (shard.segment() != s || shard.index() != i) {
          throw ManifestViolation.malformed(
              "shard #"
                  + (s * n + i)
                  + " is (segment "
                  + shard.segment()
                  + ", index "
                  + shard.index()
                  + ") where (segment "
                  + s
                  + ", index "
                  + i
                  + ") belongs: shards must be sorted by segment and index and every segment"
                  + " must have exactly k + m = "
                  + n
                  + " shards");
        }
        if (shard.size() != size) {
          throw ManifestViolation.malformed(
              "segment "
                  + s
                  + " has shards of "
                  + size
                  + " and "
                  + shard.size()
                  + " bytes; all shards of a segment have the same size");
        }
      }
      if (size < minSize || size > maxSize) {
        throw ManifestViolation.malformed(
            "segment "
                + s
                + " has "
                + length
                + " plaintext bytes and k = "
                + k
                + ", so its shards must be "
                + minSize
                + " to "
                + maxSize
                + " bytes, not "
                + size);
      }
    }
  }

  /** segments × n, exactly, for messages (the product may not fit a long). */
  static String shardsNeeded(long segments, int n) {
    return java.math.BigInteger.valueOf(segments)
        .multiply(java.math.BigInteger.valueOf(n))
        .toString();
  }

  private static long ceilDiv(long a, long b) {
    return a == 0 ? 0 : (a - 1) / b + 1;
  }

  /** Shards per segment, k + m. */
  public int shardsPerSegment() {
    return k + m;
  }

  /** The k + m shards of {@code segment}, by index. */
  public List<ShardEntry> segmentShards(int segment) {
    if (segment < 0 || segment >= segmentCount) {
      throw new IndexOutOfBoundsException(
          "segment " + segment + " of a manifest with " + segmentCount + " segments");
    }
    int n = k + m;
    return shards.subList(segment * n, segment * n + n);
  }

  /** The shard at (segment, index). */
  public ShardEntry shard(int segment, int index) {
    if (index < 0 || index >= k + m) {
      throw new IndexOutOfBoundsException("index " + index + " with k + m = " + (k + m));
    }
    return segmentShards(segment).get(index);
  }

  /** Plaintext length of {@code segment}. */
  public long segmentLength(int segment) {
    return segmentLength(fileSize, segmentSize, segment);
  }

  /** The shard CIDs in manifest order, the leaves of the Merkle tree. */
  public List<Cid> cids() {
    List<Cid> cids = new ArrayList<>(shards.size());
    for (ShardEntry s : shards) {
      cids.add(s.cid());
    }
    return cids;
  }

  /** A summary without the password check, the file name or the shard list. */
  @Override
  public String toString() {
    return "Manifest[v"
        + formatVersion
        + ", fileId="
        + fileId
        + ", fileSize="
        + fileSize
        + ", segments="
        + segmentCount
        + "×"
        + segmentSize
        + ", k="
        + k
        + ", m="
        + m
        + ", shards="
        + shards.size()
        + ", merkleRoot="
        + merkleRoot
        + ", manifestHash="
        + manifestHash
        + "]";
  }
}
