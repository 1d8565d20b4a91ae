/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import io.cairn.client.manifest.ShardEntry;
import java.io.IOException;

/**
 * Where the retrieve pipeline gets shards: the retrieve engine (nodes over the network, with
 * fallbacks) or, in tests, memory. Called concurrently from several workers.
 */
@FunctionalInterface
public interface ShardSource {
  /**
   * The shard's bytes, verified against its CID.
   *
   * @throws IOException when no good copy can be had; the message says why (the pipeline records it
   *     and tries another shard of the segment)
   */
  VerifiedShard fetch(ShardEntry shard) throws IOException;
}
