/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.node.identity.NodeIdentity;
import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.RetrievalProof;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.RetrieveResponse;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The node's side of {@code /cairn/retrieve/1.0.0}: reads a shard, checks it against its CID and
 * returns it with a signed retrieval proof. A copy that fails the check is never served.
 */
public final class RetrieveService {
  /** Metrics kind label. */
  public static final String KIND = "retrieve";

  private final NodeIdentity identity;
  private final ShardStore shards;
  private final InstantSource clock;
  private final RequestMetrics metrics;

  public RetrieveService(
      NodeIdentity identity, ShardStore shards, InstantSource clock, RequestMetrics metrics) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.shards = Objects.requireNonNull(shards, "shards");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Serves {@code request} to {@code requester} (the stream's authenticated remote peer).
   *
   * @throws StoreException if the node's database fails
   */
  public RetrieveOutcome retrieve(PeerId requester, RetrieveRequest request) throws StoreException {
    Objects.requireNonNull(requester, "requester");
    long start = metrics.start();
    String label = "error";
    try {
      RetrieveOutcome r =
          switch (shards.get(request.cid())) {
            case ReadResult.Found f -> {
              label = "served";
              RetrievalProof proof =
                  RetrievalProof.sign(
                      request.cid(),
                      request.cid().digest(),
                      request.requestNonce(),
                      clock.millis(),
                      identity.keyPair().privateKey());
              yield new RetrieveOutcome.Served(
                  new RetrieveResponse(proof, f.data().size()), f.data());
            }
            case ReadResult.Missing m -> {
              label = "not_found";
              yield new RetrieveOutcome.Refused(Replies.notFound(request.cid()));
            }
            case ReadResult.Corrupt c -> {
              label = "corrupt";
              yield new RetrieveOutcome.Refused(Replies.corrupt(request.cid()));
            }
          };
      return r;
    } finally {
      metrics.record(KIND, label, start);
    }
  }
}
