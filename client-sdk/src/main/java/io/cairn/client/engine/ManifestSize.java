/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.audit.AuditSampler;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestLimits;
import io.cairn.client.pipeline.UploadPipeline;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.StoreReceipt;

/**
 * How large the manifest of an upload will be, known before any work: every shard entry has the
 * same encoded size for given settings (docs/manifest.md), so an upload that would end in a
 * manifest past {@link ManifestLimits#MAX_ENCODED_BYTES} can be refused before it stores anything.
 */
public final class ManifestSize {
  /** Room for everything but the shard entries: header, file name, Merkle root, hash and tag. */
  static final int FIXED_BYTES = 4096;

  private static final int PEER_ID_BYTES;
  private static final int RECEIPT_BYTES;

  static {
    byte[] seed = new byte[32];
    Ed25519.KeyPair kp = Ed25519.fromSeed(seed);
    PeerId peer = PeerId.of(kp.publicKey());
    StoreReceipt r = StoreReceipt.sign(Cid.of(new byte[0]), 1, 1, peer, kp.privateKey());
    PEER_ID_BYTES = peer.toBytes().length;
    RECEIPT_BYTES = Receipts.toManifest(r).signed().size();
  }

  private ManifestSize() {}

  /** The encoded size of one shard entry with {@code replicas} copies and {@code rounds} rounds. */
  public static long shardEntryBytes(int replicas, int rounds) {
    long cid = Cid.of(new byte[0]).toBytes().length;
    long fixed = cid + 4 + 4 + 2; // CID, size, segment, index
    long placement = 1 + (long) replicas * (1 + PEER_ID_BYTES);
    long receipts = 1 + (long) replicas * (1 + 2 + RECEIPT_BYTES);
    long audit = 1 + (long) rounds * (AuditSampler.NONCE_LENGTH + 32);
    return fixed + placement + receipts + audit;
  }

  /** An upper bound on the manifest of a {@code fileSize}-byte upload at these settings. */
  public static long forUpload(long fileSize, UploadPipeline.Options p, int replicas) {
    long shards = Manifest.segmentCountFor(fileSize, p.segmentSize()) * (p.k() + p.m());
    return FIXED_BYTES + shards * shardEntryBytes(replicas, p.audit().rounds());
  }

  /** The largest file whose manifest fits in {@link ManifestLimits#MAX_ENCODED_BYTES}. */
  public static long maxFileBytes(UploadPipeline.Options p, int replicas) {
    long perSegment = (long) (p.k() + p.m()) * shardEntryBytes(replicas, p.audit().rounds());
    long segments = (ManifestLimits.MAX_ENCODED_BYTES - FIXED_BYTES) / perSegment;
    long bySize = segments * p.segmentSize();
    long byCount = (long) (ManifestLimits.MAX_SHARDS / (p.k() + p.m())) * p.segmentSize();
    return Math.min(bySize, byCount);
  }
}
