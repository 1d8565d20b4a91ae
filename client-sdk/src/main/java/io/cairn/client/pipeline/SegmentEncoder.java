/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.audit.AuditRound;
import io.cairn.client.audit.AuditVectors;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.erasure.ErasureCoder;
import io.cairn.client.erasure.ErasureCoders;
import io.cairn.protocol.Cid;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The upload steps for one segment (DESIGN.md, "Upload" 3 to 5 and 8): seal with AES-256-GCM, split
 * into k data shards and compute m parity shards, hash each shard to its CID, and draw its audit
 * rounds while the shard is in memory.
 *
 * <p>Not thread-safe (it owns a cipher and a scratch buffer): one per worker thread.
 */
public final class SegmentEncoder {
  private final SegmentCipher cipher;
  private final ErasureCoder coder;
  private final AuditParams audit;
  private final SecureRandom random;
  private byte[] sealed = new byte[0];

  /**
   * @param cipher this encoder's own cipher (see {@link SegmentCipher#copy()})
   * @param coder the erasure code (thread-safe, may be shared)
   * @param audit rounds and sampling of the audit vectors
   * @param random nonce source for audit rounds; must be cryptographically strong
   */
  public SegmentEncoder(
      SegmentCipher cipher, ErasureCoder coder, AuditParams audit, SecureRandom random) {
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.coder = Objects.requireNonNull(coder, "coder");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Encodes plaintext segment {@code index}, bytes {@code [0, length)} of {@code plaintext}. */
  public EncodedSegment encode(long index, boolean last, byte[] plaintext, int length) {
    Objects.checkFromIndexSize(0, length, plaintext.length);
    int sealedLength = SegmentCipher.sealedSize(length);
    if (sealed.length < sealedLength) {
      sealed = new byte[sealedLength];
    }
    cipher.seal(index, last, plaintext, 0, length, sealed, 0);
    byte[][] shards = ErasureCoders.encodeSegment(coder, sealed, sealedLength);
    List<Cid> cids = new ArrayList<>(shards.length);
    List<List<AuditRound>> rounds = new ArrayList<>(shards.length);
    for (byte[] shard : shards) {
      cids.add(Cid.of(shard));
      rounds.add(AuditVectors.generate(shard, 0, shard.length, random, audit));
    }
    return new EncodedSegment(index, last, length, shards, cids, rounds);
  }
}
