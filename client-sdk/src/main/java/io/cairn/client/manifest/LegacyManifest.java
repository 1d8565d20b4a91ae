/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.audit.AuditSampler;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.manifest.internal.Checks;
import io.cairn.client.manifest.internal.Digests;
import io.cairn.client.manifest.internal.LegacyJsonReader;
import io.cairn.client.manifest.internal.ManifestViolation;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A legacy v0 manifest: the unauthenticated JSON that earlier Cairn tools wrote (schema in {@code
 * docs/manifest.md}). It has no password check and no auth tag; its optional {@code manifest_hash}
 * is an unkeyed SHA-256 that catches accidents, not edits. Read it with {@link #parse(byte[])} and
 * turn it into an authenticated {@link Manifest} with {@link ManifestMigration}.
 *
 * <p>The constructor checks field shapes and per-shard limits; whether the shards form complete
 * segments is checked by the migration, which runs every rule of the current format.
 *
 * @param kdf the v0 {@code salt}, with the Argon2id costs of the optional {@code kdf} object (the
 *     v0 defaults m = 64 MiB, t = 3, p = 1 when absent)
 * @param fileId the v0 {@code file_id}, 32 bytes
 * @param fileSize plaintext length in bytes
 * @param segmentSize plaintext bytes per segment
 * @param k data shards per segment
 * @param m parity shards per segment
 * @param fileName the optional {@code file_name}
 * @param createdAt the optional {@code created_at}, Unix seconds
 * @param shards the shards in file order
 * @param audit the audit rounds in file order
 * @param merkleRoot the v0 {@code merkle_root}: RFC 6962 over the CIDs in file order
 * @param manifestHash the optional v0 {@code manifest_hash} (see {@link #computeHash()})
 */
public record LegacyManifest(
    KdfParams kdf,
    Bytes fileId,
    long fileSize,
    int segmentSize,
    int k,
    int m,
    Optional<String> fileName,
    Optional<Instant> createdAt,
    List<Shard> shards,
    List<Audit> audit,
    Bytes merkleRoot,
    Optional<Bytes> manifestHash) {

  /** The only legacy version. */
  public static final int VERSION = 0;

  /** Most audit entries a v0 document may hold: 64 rounds for each of the most shards. */
  public static final long MAX_AUDIT_ENTRIES =
      (long) ManifestLimits.MAX_SHARDS * ManifestLimits.MAX_AUDIT_ROUNDS_PER_SHARD;

  /** One v0 shard: {@code {"cid", "size", "segment", "index", "peers"}}. */
  public record Shard(Cid cid, int size, int segment, int index, List<PeerId> peers) {
    public Shard {
      Checks.notNull(cid, "cid");
      String where = "shard (segment " + segment + ", index " + index + ")";
      Checks.range(segment, 0, ManifestLimits.MAX_SHARDS - 1, where + ": segment");
      Checks.range(index, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1, where + ": index");
      Checks.range(size, 1, Integer.MAX_VALUE, where + ": size");
      Checks.count(
          Checks.notNull(peers, where + ": peers"),
          ManifestLimits.MAX_PEERS_PER_SHARD,
          where,
          "peers");
      peers = List.copyOf(peers);
    }
  }

  /** One v0 audit round: {@code {"segment", "index", "nonce", "expected"}}. */
  public record Audit(int segment, int index, Bytes nonce, Bytes expected) {
    public Audit {
      Checks.range(segment, 0, ManifestLimits.MAX_SHARDS - 1, "audit segment");
      Checks.range(index, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1, "audit index");
      Checks.length(nonce, AuditSampler.NONCE_LENGTH, "audit nonce");
      Checks.length(expected, AuditSampler.HASH_LENGTH, "audit expected hash");
    }
  }

  public LegacyManifest {
    Checks.notNull(kdf, "kdf");
    Checks.length(fileId, Manifest.FILE_ID_LENGTH, "file_id");
    Checks.range(fileSize, 0, Long.MAX_VALUE, "file_size");
    Checks.range(segmentSize, 1, ManifestLimits.MAX_SEGMENT_SIZE, "segment_size");
    Checks.range(k, 1, ManifestLimits.MAX_SHARDS_PER_SEGMENT, "k");
    Checks.range(m, 0, ManifestLimits.MAX_SHARDS_PER_SEGMENT - 1, "m");
    Checks.notNull(fileName, "file_name")
        .ifPresent(n -> Checks.text(n, ManifestLimits.MAX_FILE_NAME_BYTES, false, "file_name"));
    Checks.notNull(createdAt, "created_at")
        .ifPresent(
            t -> {
              if (t.isBefore(Instant.EPOCH) || t.isAfter(Manifest.MAX_CREATED_AT)) {
                throw ManifestViolation.malformed("created_at " + t + " is out of range");
              }
            });
    Checks.count(Checks.notNull(shards, "shards"), ManifestLimits.MAX_SHARDS, "manifest", "shards");
    Checks.notNull(audit, "audit");
    if (audit.size() > MAX_AUDIT_ENTRIES) {
      throw ManifestViolation.overLimit(
          "manifest", audit.size(), "audit entries", MAX_AUDIT_ENTRIES);
    }
    shards = List.copyOf(shards);
    audit = List.copyOf(audit);
    Checks.length(merkleRoot, Manifest.HASH_LENGTH, "merkle_root");
    Checks.notNull(manifestHash, "manifest_hash")
        .ifPresent(h -> Checks.length(h, Manifest.HASH_LENGTH, "manifest_hash"));
  }

  /**
   * Parses a v0 JSON document, enforcing the limits while reading: at most {@link
   * ManifestLimits#MAX_ENCODED_BYTES} bytes, nesting depth 4, strings of at most {@link
   * LegacyJsonReader#MAX_STRING_LENGTH} characters, at most {@link ManifestLimits#MAX_SHARDS}
   * shards of at most {@link ManifestLimits#MAX_PEERS_PER_SHARD} peers. Unknown or duplicate fields
   * are refused.
   */
  public static LegacyManifest parse(byte[] json) throws ManifestException {
    return LegacyJsonReader.read(json);
  }

  /**
   * The v0 manifest hash: SHA-256 over this UTF-8 text, one {@code \n}-terminated line each, hex in
   * lower case, shards and audit rounds in file order:
   *
   * <pre>
   * cairn-manifest-v0
   * salt=&lt;hex&gt;
   * file_id=&lt;hex&gt;
   * file_size=&lt;decimal&gt;
   * segment_size=&lt;decimal&gt;
   * k=&lt;decimal&gt;
   * m=&lt;decimal&gt;
   * shard=&lt;segment&gt;,&lt;index&gt;,&lt;size&gt;,&lt;cid&gt;,&lt;peer&gt;;&lt;peer&gt;…   (one line per shard)
   * audit=&lt;segment&gt;,&lt;index&gt;,&lt;nonce hex&gt;,&lt;expected hex&gt;     (one line per round)
   * merkle_root=&lt;hex&gt;
   * </pre>
   *
   * The {@code kdf}, {@code file_name} and {@code created_at} fields were added to v0 later and are
   * not covered.
   */
  public Bytes computeHash() {
    StringBuilder t = new StringBuilder(256 + shards.size() * 180 + audit.size() * 110);
    t.append("cairn-manifest-v0\n");
    t.append("salt=").append(kdf.salt().toHex()).append('\n');
    t.append("file_id=").append(fileId.toHex()).append('\n');
    t.append("file_size=").append(fileSize).append('\n');
    t.append("segment_size=").append(segmentSize).append('\n');
    t.append("k=").append(k).append('\n');
    t.append("m=").append(m).append('\n');
    for (Shard s : shards) {
      t.append("shard=").append(s.segment()).append(',').append(s.index()).append(',');
      t.append(s.size()).append(',').append(s.cid()).append(',');
      for (int i = 0; i < s.peers().size(); i++) {
        t.append(i == 0 ? "" : ";").append(s.peers().get(i));
      }
      t.append('\n');
    }
    for (Audit a : audit) {
      t.append("audit=").append(a.segment()).append(',').append(a.index()).append(',');
      t.append(a.nonce().toHex()).append(',').append(a.expected().toHex()).append('\n');
    }
    t.append("merkle_root=").append(merkleRoot.toHex()).append('\n');
    byte[] text = t.toString().getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(Digests.sha256(text, 0, text.length));
  }

  /** A summary without the shard list or the file name. */
  @Override
  public String toString() {
    return "LegacyManifest[v0, fileId="
        + fileId
        + ", fileSize="
        + fileSize
        + ", k="
        + k
        + ", m="
        + m
        + ", shards="
        + shards.size()
        + ", audit="
        + audit.size()
        + "]";
  }
}
