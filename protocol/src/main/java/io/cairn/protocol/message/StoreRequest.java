/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import io.cairn.protocol.Cid;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import java.util.Objects;

/**
 * Asks a node to store a shard. On the stream it is followed by exactly {@code size} raw bytes,
 * which the node hashes as they arrive and checks against {@code cid}.
 *
 * @param cid the shard's CID
 * @param size its size in bytes, at most {@link io.cairn.protocol.Protocols#MAX_SHARD_SIZE}
 * @param requestId a client-chosen id for logs; not signed, not checked for uniqueness
 */
public record StoreRequest(Cid cid, long size, long requestId) implements StoreCall {
  public StoreRequest {
    Objects.requireNonNull(cid, "cid");
    Messages.checkSize(size, "StoreRequest.size");
  }

  public io.cairn.protocol.wire.StoreRequest toProto() {
    return io.cairn.protocol.wire.StoreRequest.newBuilder()
        .setCid(bs(cid.toBytes()))
        .setSize(size)
        .setRequestId(requestId)
        .build();
  }

  /**
   * Validates a decoded request.
   *
   * @throws ProtocolException {@code SHARD_TOO_LARGE} for a size above the limit, else {@code
   *     MALFORMED} naming the field
   */
  public static StoreRequest fromProto(io.cairn.protocol.wire.StoreRequest p)
      throws ProtocolException {
    Cid cid = Fields.cid(p.getCid(), "StoreRequest.cid");
    long size = p.getSize();
    if (size < 0 || size > io.cairn.protocol.Protocols.MAX_SHARD_SIZE) {
      throw new ProtocolException(
          io.cairn.protocol.ErrorCode.SHARD_TOO_LARGE,
          "StoreRequest.size "
              + Long.toUnsignedString(size)
              + " is above the limit of "
              + io.cairn.protocol.Protocols.MAX_SHARD_SIZE);
    }
    long id = p.getRequestId();
    return Fields.build("StoreRequest", () -> new StoreRequest(cid, size, id));
  }
}
