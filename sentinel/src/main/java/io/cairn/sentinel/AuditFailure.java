/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

/**
 * Why an answered audit failed. An audit that got no answer in time is {@link
 * Evidence.AuditTimedOut}.
 */
public enum AuditFailure {
  /**
   * The node signed an answer whose hash is not the round's expected one: proof that it claimed
   * blocks it does not hold. An honest node checks every read against the CID and would answer
   * {@link #NOT_FOUND} instead.
   */
  WRONG_HASH(true),
  /** The node said it does not hold a shard it signed a receipt for: an admitted loss. */
  NOT_FOUND(false),
  /**
   * The signed response time lies outside the challenge window (the client-sdk's {@code
   * FROM_FUTURE} or {@code BEFORE_CHALLENGE}). Counted as a failure, not as proof: a badly set
   * clock does this too.
   */
  BAD_TIME(false);

  private final boolean proof;

  AuditFailure(boolean proof) {
    this.proof = proof;
  }

  /** Whether this failure is cryptographic proof of false data rather than a loss or a mistake. */
  public boolean proof() {
    return proof;
  }
}
