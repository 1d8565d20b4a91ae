/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the store knows about a shard without reading it.
 *
 * @param cid the shard
 * @param size its length in bytes
 * @param storedAt when it was first stored
 * @param owners the peers that stored it and may delete it, in the order they stored it
 */
public record ShardInfo(Cid cid, long size, Instant storedAt, List<PeerId> owners) {
  public ShardInfo {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(storedAt, "storedAt");
    owners = List.copyOf(owners);
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
  }
}
