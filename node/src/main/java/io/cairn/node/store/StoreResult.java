/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.protocol.Cid;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link ShardStore#put} did. {@link Stored} and {@link AlreadyStored} mean the shard is
 * durable on this node and a receipt may be signed; {@link Rejected} names why not.
 */
public sealed interface StoreResult {
  /** The shard's CID. */
  Cid cid();

  /** The shard was new: it is now written and synced, and counted against the quota. */
  record Stored(Cid cid, long size, Instant storedAt) implements StoreResult {
    public Stored {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(storedAt, "storedAt");
    }
  }

  /**
   * The shard was already here (idempotent put): nothing was written twice and nothing counted
   * twice. {@code ownerAdded} tells whether this owner is new for it.
   */
  record AlreadyStored(Cid cid, long size, Instant storedAt, boolean ownerAdded)
      implements StoreResult {
    public AlreadyStored {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(storedAt, "storedAt");
    }
  }

  /** Nothing was stored; {@code message} is for the peer and the log, and names the limit. */
  record Rejected(Cid cid, Reason reason, String message) implements StoreResult {
    public Rejected {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a put was refused; the request handler maps each to a wire error code. */
  enum Reason {
    /** The bytes do not hash to the CID. */
    CID_MISMATCH,
    /** The shard is larger than {@link ShardStore#MAX_SHARD_SIZE}. */
    TOO_LARGE,
    /** Storing it would take the node past its quota. */
    QUOTA_EXCEEDED,
    /** The shard already has {@link ShardStore#MAX_OWNERS} owners. */
    TOO_MANY_OWNERS
  }
}
