/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.crypto.Segmenter;

/**
 * The bounds a manifest must respect, enforced on build and on decode (DESIGN.md, "Limits").
 *
 * <p>The first four are the design limits. The rest bound every other length or count the format
 * carries, so that a decoder never allocates, and a client never spends, more than a stated amount
 * on account of an untrusted manifest.
 */
public final class ManifestLimits {
  /** Largest encoded manifest: 16 MiB (16 × 2^20 bytes), checked before any parsing. */
  public static final int MAX_ENCODED_BYTES = 16 * 1024 * 1024;

  /** Most shards in one manifest (all segments together). */
  public static final int MAX_SHARDS = 250_000;

  /** Most peers in one shard's placement list. */
  public static final int MAX_PEERS_PER_SHARD = 64;

  /** Most audit rounds stored for one shard. */
  public static final int MAX_AUDIT_ROUNDS_PER_SHARD = 64;

  /** Most storage receipts per shard: at most one per placed peer. */
  public static final int MAX_RECEIPTS_PER_SHARD = MAX_PEERS_PER_SHARD;

  /** Longest signed receipt (its canonical signed bytes); real ones are about 200 bytes. */
  public static final int MAX_RECEIPT_BYTES = 4096;

  /** Most shards per segment, k + m (Reed-Solomon over GF(2^8)). */
  public static final int MAX_SHARDS_PER_SEGMENT = 256;

  /**
   * Largest plaintext segment: 64 MiB, the {@link Segmenter}'s maximum (its default is 4 MiB). A
   * reader buffers a few segments, so this bounds what an untrusted manifest can make it allocate.
   * The format admits any smaller positive size; the pipeline uses 64 KiB and up.
   */
  public static final int MAX_SEGMENT_SIZE = Segmenter.MAX_SEGMENT_SIZE;

  /**
   * How much larger than {@code ceil(segment length / k)} a shard may be: room for the AEAD tag, a
   * length header and alignment padding that the pipeline may add to a segment before splitting.
   */
  public static final int MAX_SHARD_OVERHEAD = 4096;

  /** Longest file name, in UTF-8 bytes. */
  public static final int MAX_FILE_NAME_BYTES = 1024;

  /** Longest content type (ASCII). */
  public static final int MAX_CONTENT_TYPE_BYTES = 255;

  /** Longest algorithm or cipher identifier ({@code argon2id}, {@code aes-256-gcm}). */
  public static final int MAX_ID_LENGTH = 32;

  /** Largest audit sample block: 16 MiB. */
  public static final int MAX_AUDIT_BLOCK_SIZE = 16 * 1024 * 1024;

  /** Most blocks in one audit sample. */
  public static final int MAX_AUDIT_BLOCK_COUNT = 4096;

  private ManifestLimits() {}
}
