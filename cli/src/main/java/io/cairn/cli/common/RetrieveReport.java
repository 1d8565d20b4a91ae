/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import io.cairn.client.engine.NodeObservation;
import java.util.List;
import java.util.Objects;

/**
 * The command-specific part of {@code cairn retrieve --report} (see {@code docs/report-schema.md}).
 *
 * @param manifest the manifest read
 * @param output the file written ({@code -} for standard output)
 * @param fileSize plaintext bytes the manifest promises
 * @param bytesWritten plaintext bytes written
 * @param segmentCount segments
 * @param timings where the time went
 * @param shardsFetched good shards fetched and used
 * @param fallbacks fetches that went to a peer beyond a shard's first-ranked placement
 * @param reconstructions segments rebuilt with parity because a data shard could not be had
 * @param badShards shards refused because their bytes, proof or CID did not check out
 * @param segments per segment: the shards used and every fetch attempt
 */
public record RetrieveReport(
    String manifest,
    String output,
    long fileSize,
    long bytesWritten,
    int segmentCount,
    Timings timings,
    int shardsFetched,
    int fallbacks,
    int reconstructions,
    int badShards,
    List<Segment> segments) {

  public RetrieveReport {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(timings, "timings");
    segments = List.copyOf(segments);
  }

  /**
   * Milliseconds spent in each phase (they overlap when the pipeline streams).
   *
   * @param kdfMs deriving the keys and opening the manifest
   * @param fetchMs fetching shards
   * @param decodeMs erasure decoding and decrypting
   */
  public record Timings(long kdfMs, long fetchMs, long decodeMs) {}

  /**
   * One segment.
   *
   * @param segment its number
   * @param used the k shards it was rebuilt from
   * @param reconstructed whether a parity shard stood in for a data shard
   * @param attempts every fetch for this segment, in order, failed ones included
   */
  public record Segment(
      long segment, List<ShardUse> used, boolean reconstructed, List<Attempt> attempts) {
    public Segment {
      used = List.copyOf(used);
      attempts = List.copyOf(attempts);
    }
  }

  /**
   * A shard used.
   *
   * @param index its index in the segment
   * @param cid its CID
   * @param peer the node it came from
   */
  public record ShardUse(int index, String cid, String peer) {
    public ShardUse {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
    }
  }

  /**
   * One fetch of a shard from a peer.
   *
   * @param index the shard's index
   * @param cid the shard's CID
   * @param peer the peer asked
   * @param outcome what happened, as the engines observe it ({@code ok}, {@code timeout}, {@code
   *     bad_proof}, ...: {@link NodeObservation.Outcome} in lower case)
   * @param latencyMs from request to answer or failure
   * @param fallback whether the peer was beyond the shard's first-ranked placement
   * @param error the failure, or null
   */
  public record Attempt(
      int index,
      String cid,
      String peer,
      NodeObservation.Outcome outcome,
      long latencyMs,
      boolean fallback,
      String error) {
    public Attempt {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
