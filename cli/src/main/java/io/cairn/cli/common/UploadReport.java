/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import io.cairn.client.engine.NodeObservation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The command-specific part of {@code cairn upload --report} (see {@code docs/report-schema.md}).
 *
 * @param input the file uploaded, as given ({@code -} for standard input)
 * @param manifest the manifest written
 * @param fileId the file id, hex
 * @param fileSize plaintext bytes
 * @param segmentSize plaintext bytes per segment
 * @param segmentCount segments
 * @param k data shards per segment
 * @param m parity shards per segment
 * @param replicas copies stored of each shard
 * @param shardCount shards (segments × (k + m))
 * @param shardBytes bytes of all shards, one copy each
 * @param bytesSent shard bytes sent to nodes, every copy and retry included
 * @param timings where the time went
 * @param retries store attempts beyond the first, all shards together
 * @param shards every shard's placement, receipts and store attempts, by (segment, index)
 */
public record UploadReport(
    String input,
    String manifest,
    String fileId,
    long fileSize,
    int segmentSize,
    int segmentCount,
    int k,
    int m,
    int replicas,
    int shardCount,
    long shardBytes,
    long bytesSent,
    Timings timings,
    int retries,
    List<Shard> shards) {

  public UploadReport {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(timings, "timings");
    shards = List.copyOf(shards);
  }

  /**
   * Milliseconds spent in each phase; phases overlap when the pipeline streams, so they need not
   * add up to {@code durationMs}.
   *
   * @param kdfMs deriving the keys from the password (Argon2id)
   * @param encodeMs encrypting, erasure-coding, hashing, audit vectors
   * @param storeMs storing shards on nodes
   * @param manifestMs building and writing the manifest
   */
  public record Timings(long kdfMs, long encodeMs, long storeMs, long manifestMs) {}

  /**
   * One shard.
   *
   * @param segment its segment
   * @param index its index in the segment (0..k-1 data, k..k+m-1 parity)
   * @param cid its CID
   * @param size its bytes
   * @param placement the peers it was meant for, in rank order
   * @param receipts the signed receipts of the peers that stored it
   * @param attempts every store attempt, in order
   */
  public record Shard(
      long segment,
      int index,
      String cid,
      int size,
      List<String> placement,
      List<Receipt> receipts,
      List<Attempt> attempts) {
    public Shard {
      Objects.requireNonNull(cid, "cid");
      placement = List.copyOf(placement);
      receipts = List.copyOf(receipts);
      attempts = List.copyOf(attempts);
    }
  }

  /**
   * A storage receipt.
   *
   * @param peer the node that signed it
   * @param storedAt the time it states
   * @param verified whether its signature and fields checked out
   */
  public record Receipt(String peer, Instant storedAt, boolean verified) {
    public Receipt {
      Objects.requireNonNull(peer, "peer");
    }
  }

  /**
   * One attempt to store a shard on a peer.
   *
   * @param peer the peer
   * @param outcome what happened, as the engines observe it ({@code ok}, {@code timeout}, {@code
   *     bad_proof}, ...: {@link NodeObservation.Outcome} in lower case)
   * @param latencyMs from request to answer or failure
   * @param fallback whether the peer was a fallback beyond the first-ranked placement
   * @param error the failure, or null
   */
  public record Attempt(
      String peer,
      NodeObservation.Outcome outcome,
      long latencyMs,
      boolean fallback,
      String error) {
    public Attempt {
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
