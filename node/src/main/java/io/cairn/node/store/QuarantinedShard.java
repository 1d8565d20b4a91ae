/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.protocol.Cid;
import java.time.Instant;
import java.util.Objects;

/**
 * A shard that failed its integrity check on read and was moved out of service, kept for the
 * operator to inspect ({@code cairn node quarantine}).
 *
 * @param cid the shard's CID
 * @param detectedAt when the check failed
 * @param reason why: {@code hash-mismatch} (the bytes no longer hash to the CID) or {@code
 *     unreadable} (the database could not read them)
 * @param bytesKept how many of the bad bytes the quarantine keeps
 */
public record QuarantinedShard(Cid cid, Instant detectedAt, String reason, long bytesKept) {
  public QuarantinedShard {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(detectedAt, "detectedAt");
    Objects.requireNonNull(reason, "reason");
  }
}
