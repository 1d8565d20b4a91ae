/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.PeerId;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a retrieval did.
 *
 * @param bytesWritten plaintext bytes written
 * @param segments segments restored
 * @param shardsFetched shards fetched and verified (at least k per segment)
 * @param fallbacksUsed shards served by a peer other than the first one asked
 * @param segmentsReconstructed segments rebuilt with the erasure code because data shards were
 *     missing
 * @param servedBy verified shards per peer, ordered by peer id
 * @param failures every exchange that failed or was refused, or whose answer failed a check, in the
 *     order they ended
 * @param elapsed wall-clock time, password key derivation included
 */
public record RetrieveReport(
    long bytesWritten,
    int segments,
    int shardsFetched,
    int fallbacksUsed,
    int segmentsReconstructed,
    Map<PeerId, Integer> servedBy,
    List<FailedAttempt> failures,
    Duration elapsed) {
  public RetrieveReport {
    servedBy = Collections.unmodifiableMap(new TreeMap<>(servedBy));
    failures = List.copyOf(failures);
    Objects.requireNonNull(elapsed, "elapsed");
  }
}
