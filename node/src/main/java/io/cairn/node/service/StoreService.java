/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.store.DeleteResult;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.util.Locale;
import java.util.Objects;

/**
 * The node's side of {@code /cairn/store/1.0.0} (and shard deletion): what the stream handler calls
 * once it has read a request. It returns result values; the handler signs a receipt for {@link
 * StoreResult.Stored} and {@link StoreResult.AlreadyStored} (the shard is durable by then) and maps
 * {@link StoreResult.Reason} to the wire error code.
 */
public final class StoreService {
  /** Metrics kind labels. */
  public static final String KIND_STORE = "store";

  public static final String KIND_DELETE = "delete";

  private final ShardStore shards;
  private final RequestMetrics metrics;

  public StoreService(ShardStore shards, RequestMetrics metrics) {
    this.shards = Objects.requireNonNull(shards, "shards");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Stores a shard for {@code sender}, who becomes one of its owners.
   *
   * @throws StoreException if the node's database fails
   */
  public StoreResult store(PeerId sender, Cid cid, byte[] data, int off, int len)
      throws StoreException {
    long start = metrics.start();
    String outcome = "error";
    try {
      StoreResult r = shards.put(cid, data, off, len, sender);
      outcome =
          switch (r) {
            case StoreResult.Stored s -> "stored";
            case StoreResult.AlreadyStored a -> "already_stored";
            case StoreResult.Rejected x -> x.reason().name().toLowerCase(Locale.ROOT);
          };
      return r;
    } finally {
      metrics.record(KIND_STORE, outcome, start);
    }
  }

  /**
   * Deletes {@code requester}'s copy of a shard (see {@link ShardStore#delete}).
   *
   * @throws StoreException if the node's database fails
   */
  public DeleteResult delete(PeerId requester, Cid cid) throws StoreException {
    long start = metrics.start();
    String outcome = "error";
    try {
      DeleteResult r = shards.delete(cid, requester);
      outcome =
          switch (r) {
            case DeleteResult.Deleted d -> "deleted";
            case DeleteResult.Released d -> "released";
            case DeleteResult.NotFound d -> "not_found";
            case DeleteResult.NotOwner d -> "not_owner";
          };
      return r;
    } finally {
      metrics.record(KIND_DELETE, outcome, start);
    }
  }
}
