/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import java.io.IOException;

/** Fewer than k good shards of a segment could be had, so the segment cannot be rebuilt. */
public final class NotEnoughShardsException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long segment;
  private final int found;
  private final int needed;

  public NotEnoughShardsException(
      long segment, int found, int needed, int tried, String lastError) {
    super(
        "segment "
            + segment
            + ": found "
            + found
            + " good shard"
            + (found == 1 ? "" : "s")
            + " of the "
            + needed
            + " needed to rebuild it ("
            + tried
            + " tried"
            + (lastError == null ? "" : "; last error: " + lastError)
            + ")");
    this.segment = segment;
    this.found = found;
    this.needed = needed;
  }

  public long segment() {
    return segment;
  }

  public int found() {
    return found;
  }

  public int needed() {
    return needed;
  }
}
