/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import io.cairn.protocol.Cid;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import java.util.Objects;

/**
 * A node's answer to a {@link DeleteRequest}.
 *
 * @param cid the shard
 * @param existed whether the node held it (deletion is idempotent: {@code false} is not an error)
 */
public record DeleteReply(Cid cid, boolean existed) implements StoreAnswer {
  public DeleteReply {
    Objects.requireNonNull(cid, "cid");
  }

  public io.cairn.protocol.wire.DeleteReply toProto() {
    return io.cairn.protocol.wire.DeleteReply.newBuilder()
        .setCid(bs(cid.toBytes()))
        .setExisted(existed)
        .build();
  }

  /**
   * Validates a decoded reply.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static DeleteReply fromProto(io.cairn.protocol.wire.DeleteReply p)
      throws ProtocolException {
    return new DeleteReply(Fields.cid(p.getCid(), "DeleteReply.cid"), p.getExisted());
  }
}
