/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.protocol.Cid;
import java.util.Objects;

/** What {@link ShardStore#delete} did. */
public sealed interface DeleteResult {
  Cid cid();

  /** The requester was the last owner: the shard is gone and its bytes returned to the quota. */
  record Deleted(Cid cid, long freedBytes) implements DeleteResult {
    public Deleted {
      Objects.requireNonNull(cid, "cid");
    }
  }

  /** The requester's claim was removed; other owners still hold the shard, so it stays. */
  record Released(Cid cid, int remainingOwners) implements DeleteResult {
    public Released {
      Objects.requireNonNull(cid, "cid");
    }
  }

  /** No shard with this CID is stored here. */
  record NotFound(Cid cid) implements DeleteResult {
    public NotFound {
      Objects.requireNonNull(cid, "cid");
    }
  }

  /** The shard is here but the requester never stored it: nothing changed. */
  record NotOwner(Cid cid) implements DeleteResult {
    public NotOwner {
      Objects.requireNonNull(cid, "cid");
    }
  }
}
