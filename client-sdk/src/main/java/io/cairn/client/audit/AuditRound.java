/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import io.cairn.protocol.Bytes;
import java.util.Objects;

/**
 * One precomputed audit round of a shard: the nonce the client will reveal in the challenge, and
 * the answer an honest node holding the whole shard gives.
 *
 * <p>The nonce must stay secret until its round is challenged: whoever knows it knows which blocks
 * the round samples. {@link #toString()} therefore shows neither field in full.
 *
 * @param nonce {@value AuditSampler#NONCE_LENGTH} random bytes
 * @param expected {@value AuditSampler#HASH_LENGTH}-byte SHA-256 of the nonce and sampled blocks
 */
public record AuditRound(Bytes nonce, Bytes expected) {
  public AuditRound {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(expected, "expected");
    if (nonce.size() != AuditSampler.NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "audit nonce must be " + AuditSampler.NONCE_LENGTH + " bytes, got " + nonce.size());
    }
    if (expected.size() != AuditSampler.HASH_LENGTH) {
      throw new IllegalArgumentException(
          "audit expected hash must be "
              + AuditSampler.HASH_LENGTH
              + " bytes, got "
              + expected.size());
    }
  }

  @Override
  public String toString() {
    // An unchallenged nonce is as good as the answer: keep both out of logs.
    return "AuditRound[nonce=<redacted>, expected=<redacted>]";
  }
}
