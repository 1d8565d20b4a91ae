/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.node.identity.NodeIdentity;
import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.store.DeleteResult;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.DeleteReply;
import io.cairn.protocol.message.DeleteRequest;
import io.cairn.protocol.message.StoreAnswer;
import io.cairn.protocol.message.StoreReceipt;
import java.util.Locale;
import java.util.Objects;

/**
 * The node's side of {@code /cairn/store/1.0.0}: stores a shard and signs a receipt only once it is
 * durable, or refuses with the wire error code; deletes a shard for one of its owners.
 */
public final class StoreService {
  /** Metrics kind labels. */
  public static final String KIND_STORE = "store";

  public static final String KIND_DELETE = "delete";

  private final NodeIdentity identity;
  private final ShardStore shards;
  private final RequestMetrics metrics;

  public StoreService(NodeIdentity identity, ShardStore shards, RequestMetrics metrics) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.shards = Objects.requireNonNull(shards, "shards");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Stores {@code data[off, off + len)} as {@code cid} for {@code sender} (the stream's
   * authenticated remote peer), who becomes one of its owners.
   *
   * @return a {@link StoreReceipt} (the shard is synced to disk) or an {@code ErrorReply}
   * @throws StoreException if the node's database fails
   */
  public StoreAnswer store(PeerId sender, Cid cid, byte[] data, int off, int len)
      throws StoreException {
    long start = metrics.start();
    String label = "error";
    try {
      StoreResult r = shards.put(cid, data, off, len, sender);
      label =
          switch (r) {
            case StoreResult.Stored s -> "stored";
            case StoreResult.AlreadyStored a -> "already_stored";
            case StoreResult.Rejected x -> x.reason().name().toLowerCase(Locale.ROOT);
          };
      return switch (r) {
        case StoreResult.Stored s ->
            receipt(s.cid(), s.size(), s.storedAt().toEpochMilli(), sender);
        case StoreResult.AlreadyStored a ->
            receipt(a.cid(), a.size(), a.storedAt().toEpochMilli(), sender);
        case StoreResult.Rejected x -> Replies.storeRefused(x);
      };
    } finally {
      metrics.record(KIND_STORE, label, start);
    }
  }

  /**
   * The refusal a store gets before its bytes are read, if the answer cannot depend on them: a
   * shard this node does not hold and has no room for. The requester stops sending when it sees the
   * answer, so a full node costs it one round trip instead of the whole shard. A shard the node
   * holds already takes no room (the sender becomes another owner), so it is never refused here.
   *
   * @return the refusal, or empty to read the bytes and {@link #store} them
   * @throws StoreException if the node's database fails
   */
  public java.util.Optional<StoreAnswer> refuseBeforeReading(PeerId sender, Cid cid, long size)
      throws StoreException {
    long free = shards.quotaBytes() - shards.usedBytes();
    if (size <= free || shards.contains(cid)) {
      return java.util.Optional.empty();
    }
    long start = metrics.start();
    // Its own outcome, so that operators can tell refusals that cost no transfer.
    metrics.record(KIND_STORE, "quota_exceeded_early", start);
    return java.util.Optional.of(
        Replies.storeRefused(
            new StoreResult.Rejected(
                cid,
                StoreResult.Reason.QUOTA_EXCEEDED,
                "storing "
                    + size
                    + " bytes would exceed the quota: "
                    + shards.usedBytes()
                    + " of "
                    + shards.quotaBytes()
                    + " bytes are used")));
  }

  private StoreReceipt receipt(Cid cid, long size, long storedAtMillis, PeerId client) {
    return StoreReceipt.sign(cid, size, storedAtMillis, client, identity.keyPair().privateKey());
  }

  /**
   * Deletes {@code requester}'s claim on a shard (see {@link ShardStore#delete}). Idempotent: a
   * shard that is not here gives {@code existed=false}; a peer that never stored it is refused.
   *
   * @throws StoreException if the node's database fails
   */
  public StoreAnswer delete(PeerId requester, DeleteRequest request) throws StoreException {
    long start = metrics.start();
    String label = "error";
    try {
      DeleteResult r = shards.delete(request.cid(), requester);
      label =
          switch (r) {
            case DeleteResult.Deleted d -> "deleted";
            case DeleteResult.Released d -> "released";
            case DeleteResult.NotFound d -> "not_found";
            case DeleteResult.NotOwner d -> "not_owner";
          };
      return switch (r) {
        case DeleteResult.Deleted d -> new DeleteReply(d.cid(), true);
        case DeleteResult.Released d -> new DeleteReply(d.cid(), true);
        case DeleteResult.NotFound d -> new DeleteReply(d.cid(), false);
        case DeleteResult.NotOwner d -> Replies.notOwner(d.cid());
      };
    } finally {
      metrics.record(KIND_DELETE, label, start);
    }
  }
}
