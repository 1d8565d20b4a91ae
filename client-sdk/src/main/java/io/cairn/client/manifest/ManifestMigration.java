/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.audit.AuditRound;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.client.manifest.internal.ManifestViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a legacy v0 manifest into a current, authenticated one (format version 1).
 *
 * <p>The migration checks what v0 can check, then re-checks everything under the current rules:
 *
 * <ol>
 *   <li>the v0 {@code manifest_hash}, when present ({@link Reason#HASH_MISMATCH});
 *   <li>the v0 {@code merkle_root} over the CIDs in file order ({@link Reason#MERKLE_MISMATCH});
 *   <li>the audit rounds name existing shards ({@link Reason#MALFORMED}), at most {@link
 *       ManifestLimits#MAX_AUDIT_ROUNDS_PER_SHARD} per shard ({@link Reason#LIMIT_EXCEEDED});
 *   <li>every rule of the current format, through {@link ManifestBuilder}: complete segments,
 *       sizes, limits, encoded size.
 * </ol>
 *
 * The result keeps the v0 salt and KDF costs (the keys, and so the shards' encryption, do not
 * change), sorts the shards by (segment, index), recomputes the Merkle root in that order, stores
 * the password check and signs with the MAC key. v0 kept no receipts; v0 audit rounds sampled
 * shards like today's default ({@link AuditSampling#DEFAULT}).
 *
 * <p>v0 holds nothing derived from the password, so a migration cannot tell a wrong password: a
 * manifest migrated with a wrong password is well-formed but will later fail with {@link
 * Reason#WRONG_PASSWORD} under the right one. Callers should have the password typed twice, or
 * decrypt one segment, before migrating. Migration also vouches for whatever the v0 file says:
 * migrate only manifests you wrote.
 */
public final class ManifestMigration {
  private ManifestMigration() {}

  /**
   * Migrates {@code v0} with keys derived from the password and {@code v0.kdf()}.
   *
   * @param fallbackCreatedAt the creation time to record when v0 has none (typically now)
   */
  public static Manifest migrate(LegacyManifest v0, ManifestKeys keys, Instant fallbackCreatedAt)
      throws ManifestException {
    Objects.requireNonNull(v0, "v0");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(fallbackCreatedAt, "fallbackCreatedAt");
    if (v0.manifestHash().isPresent()) {
      var computed = v0.computeHash();
      if (!computed.constantTimeEquals(v0.manifestHash().get())) {
        throw new ManifestException(
            Reason.HASH_MISMATCH,
            "legacy manifest hash mismatch: the file says "
                + v0.manifestHash().get().toHex()
                + " but its content hashes to "
                + computed.toHex());
      }
    }
    var root = MerkleTree.rootOfCids(v0.shards().stream().map(LegacyManifest.Shard::cid).toList());
    if (!root.constantTimeEquals(v0.merkleRoot())) {
      throw new ManifestException(
          Reason.MERKLE_MISMATCH,
          "legacy merkle root mismatch: the file says "
              + v0.merkleRoot().toHex()
              + " but its "
              + v0.shards().size()
              + " shard CIDs give "
              + root.toHex());
    }

    Map<Long, List<AuditRound>> rounds = new HashMap<>();
    Map<Long, LegacyManifest.Shard> byPosition = new HashMap<>();
    for (LegacyManifest.Shard s : v0.shards()) {
      if (byPosition.put(key(s.segment(), s.index()), s) != null) {
        throw new ManifestException(
            Reason.MALFORMED,
            "legacy manifest lists shard (segment "
                + s.segment()
                + ", index "
                + s.index()
                + ") twice");
      }
    }
    for (LegacyManifest.Audit a : v0.audit()) {
      long key = key(a.segment(), a.index());
      if (!byPosition.containsKey(key)) {
        throw new ManifestException(
            Reason.MALFORMED,
            "legacy audit round names shard (segment "
                + a.segment()
                + ", index "
                + a.index()
                + "), which the manifest does not have");
      }
      List<AuditRound> list = rounds.computeIfAbsent(key, x -> new ArrayList<>());
      if (list.size() == ManifestLimits.MAX_AUDIT_ROUNDS_PER_SHARD) {
        throw new ManifestException(
            Reason.LIMIT_EXCEEDED,
            "legacy shard (segment "
                + a.segment()
                + ", index "
                + a.index()
                + ") has more than "
                + ManifestLimits.MAX_AUDIT_ROUNDS_PER_SHARD
                + " audit rounds; the limit is "
                + ManifestLimits.MAX_AUDIT_ROUNDS_PER_SHARD);
      }
      list.add(new AuditRound(a.nonce(), a.expected()));
    }

    ManifestBuilder builder =
        new ManifestBuilder()
            .kdf(v0.kdf())
            .fileId(v0.fileId())
            .fileSize(v0.fileSize())
            .segmentSize(v0.segmentSize())
            .erasure(v0.k(), v0.m())
            .cipher(Manifest.CIPHER_AES_256_GCM)
            .createdAt(v0.createdAt().orElse(fallbackCreatedAt))
            .fileName(v0.fileName().orElse(null))
            .auditSampling(AuditSampling.DEFAULT);
    for (LegacyManifest.Shard s : v0.shards()) {
      ShardEntry entry;
      try {
        entry =
            new ShardEntry(
                s.cid(),
                s.size(),
                s.segment(),
                s.index(),
                s.peers(),
                List.of(),
                rounds.getOrDefault(key(s.segment(), s.index()), List.of()));
      } catch (IllegalArgumentException e) {
        throw ManifestViolation.toChecked(e, "legacy shard");
      }
      builder.addShard(entry);
    }
    return builder.build(keys);
  }

  /**
   * Parses a v0 document and migrates it, deriving the keys from the password with {@code
   * derivation} given the v0 KDF parameters; the derived keys are closed before this returns.
   */
  public static Manifest migrate(
      byte[] v0Json, ManifestCodec.KeyDerivation derivation, Instant fallbackCreatedAt)
      throws ManifestException {
    LegacyManifest v0 = LegacyManifest.parse(v0Json);
    try (ManifestKeys keys = derivation.derive(v0.kdf())) {
      return migrate(v0, keys, fallbackCreatedAt);
    }
  }

  private static long key(int segment, int index) {
    return ((long) segment << 16) | index;
  }
}
