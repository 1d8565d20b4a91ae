/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an upload did: sizes, timings, where each shard went and how many tries it took, and every
 * attempt that failed.
 *
 * @param fileSize plaintext bytes read
 * @param segments segments encoded
 * @param shards one entry per shard, by (segment, index)
 * @param failures every failed store attempt, in the order they ended
 * @param keyDerivation time spent deriving the keys from the password (Argon2id)
 * @param elapsed wall-clock time of the whole upload
 */
public record UploadReport(
    long fileSize,
    int segments,
    List<ShardUpload> shards,
    List<FailedAttempt> failures,
    Duration keyDerivation,
    Duration elapsed) {

  /**
   * Where one shard went.
   *
   * @param planned the peers the placement plan chose
   * @param placement the peers that hold it, with valid receipts, in the manifest's order
   * @param attempts store exchanges made for it, successful ones included
   * @param shortfall copies asked for (the plan's replicas) that no peer took
   */
  public record ShardUpload(
      int segment,
      int index,
      Cid cid,
      int size,
      List<PeerId> planned,
      List<PeerId> placement,
      int attempts,
      int shortfall) {
    public ShardUpload {
      Objects.requireNonNull(cid, "cid");
      planned = List.copyOf(planned);
      placement = List.copyOf(placement);
    }

    /** Whether some copy went to a peer the plan had not chosen. */
    public boolean fellBack() {
      return !planned.containsAll(placement);
    }
  }

  public UploadReport {
    shards = List.copyOf(shards);
    failures = List.copyOf(failures);
    Objects.requireNonNull(keyDerivation, "keyDerivation");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Shard bytes the nodes accepted, every copy counted. */
  public long bytesStored() {
    long total = 0;
    for (ShardUpload s : shards) {
      total += (long) s.size() * s.placement().size();
    }
    return total;
  }

  /** Store attempts that failed and were retried elsewhere. */
  public int retries() {
    return failures.size();
  }

  /** Shards with at least one copy on a fallback peer. */
  public long fallbacksUsed() {
    return shards.stream().filter(ShardUpload::fellBack).count();
  }

  /** Shard copies per peer, ordered by peer id. */
  public Map<PeerId, Integer> load() {
    Map<PeerId, Integer> load = new TreeMap<>();
    for (ShardUpload s : shards) {
      for (PeerId p : s.placement()) {
        load.merge(p, 1, Integer::sum);
      }
    }
    return Collections.unmodifiableMap(load);
  }
}
