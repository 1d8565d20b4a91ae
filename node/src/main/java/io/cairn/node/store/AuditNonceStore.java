/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.protocol.Cid;

/**
 * Audit rounds this node has answered, remembered durably so that neither a replayed challenge nor
 * a restart gets the same round answered twice. Entries of a shard are dropped when the shard is
 * deleted. Thread-safe.
 */
public interface AuditNonceStore {
  /** Longest accepted round nonce; the client uses 16 bytes. */
  int MAX_NONCE_LENGTH = 64;

  /**
   * Records that the round {@code nonce} of {@code cid} is being answered. Atomic: of concurrent
   * calls with the same arguments exactly one returns true. The record is synced before this
   * returns true.
   *
   * @return false if this round was already answered (a replay)
   * @throws IllegalArgumentException if the nonce is empty or longer than {@link #MAX_NONCE_LENGTH}
   */
  boolean markAnswered(Cid cid, byte[] nonce) throws StoreException;

  /** Whether the round was answered. */
  boolean isAnswered(Cid cid, byte[] nonce) throws StoreException;
}
