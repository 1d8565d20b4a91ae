/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.trace;

import io.cairn.protocol.Cid;
import java.util.List;
import java.util.Objects;

/**
 * What the client did and why, for the CLI report and the dashboard (DESIGN.md, "Retrieve"): every
 * rejected or unavailable shard, every reconstruction. A family of records consumed by exhaustive
 * switches.
 */
public sealed interface TraceEvent {
  /** Segment the event concerns. */
  long segment();

  /**
   * A shard's bytes were refused before use.
   *
   * @param source where they came from (a peer id, or a description)
   * @param reason what check failed, e.g. "CID mismatch"
   */
  record ShardRejected(long segment, int index, Cid cid, String source, String reason)
      implements TraceEvent {
    public ShardRejected {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** No good copy of a shard could be had; the segment goes on with the others. */
  record ShardUnavailable(long segment, int index, Cid cid, String reason) implements TraceEvent {
    public ShardUnavailable {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A segment was rebuilt with the erasure code because data shards were missing.
   *
   * @param missing the data shard indices that were rebuilt
   * @param used the k shard indices the rebuild used
   */
  record SegmentReconstructed(long segment, List<Integer> missing, List<Integer> used)
      implements TraceEvent {
    public SegmentReconstructed {
      missing = List.copyOf(missing);
      used = List.copyOf(used);
    }
  }
}
