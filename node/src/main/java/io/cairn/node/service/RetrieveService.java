/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The node's side of {@code /cairn/retrieve/1.0.0}: reads a shard, checks it against its CID and
 * returns it with the fields of the retrieval proof. A copy that fails the check is never served.
 */
public final class RetrieveService {
  /** Metrics kind label. */
  public static final String KIND = "retrieve";

  private final PeerId node;
  private final ShardStore shards;
  private final InstantSource clock;
  private final RequestMetrics metrics;

  public RetrieveService(
      PeerId node, ShardStore shards, InstantSource clock, RequestMetrics metrics) {
    this.node = Objects.requireNonNull(node, "node");
    this.shards = Objects.requireNonNull(shards, "shards");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Serves {@code cid} to {@code requester}.
   *
   * @param requestNonce the request's nonce, echoed in the proof
   * @throws StoreException if the node's database fails
   */
  public RetrieveOutcome retrieve(PeerId requester, Cid cid, Bytes requestNonce)
      throws StoreException {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(requestNonce, "requestNonce");
    long start = metrics.start();
    String outcome = "error";
    try {
      RetrieveOutcome r =
          switch (shards.get(cid)) {
            case ReadResult.Found f ->
                new RetrieveOutcome.Served(
                    node, cid, f.data(), cid.digest(), requestNonce, clock.millis());
            case ReadResult.Missing m -> new RetrieveOutcome.NotFound(cid);
            case ReadResult.Corrupt c -> new RetrieveOutcome.Corrupt(cid, c.reason());
          };
      outcome =
          switch (r) {
            case RetrieveOutcome.Served s -> "served";
            case RetrieveOutcome.NotFound n -> "not_found";
            case RetrieveOutcome.Corrupt c -> "corrupt";
          };
      return r;
    } finally {
      metrics.record(KIND, outcome, start);
    }
  }
}
