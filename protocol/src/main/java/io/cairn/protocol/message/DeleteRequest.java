/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import io.cairn.protocol.Cid;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import java.util.Objects;

/**
 * Asks a node to delete a shard. Only the client named in the node's receipt for the CID may (the
 * stream's remote peer id, authenticated by Noise, is the requester).
 *
 * @param cid the shard to delete
 */
public record DeleteRequest(Cid cid) implements StoreCall {
  public DeleteRequest {
    Objects.requireNonNull(cid, "cid");
  }

  public io.cairn.protocol.wire.DeleteRequest toProto() {
    return io.cairn.protocol.wire.DeleteRequest.newBuilder().setCid(bs(cid.toBytes())).build();
  }

  /**
   * Validates a decoded request.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static DeleteRequest fromProto(io.cairn.protocol.wire.DeleteRequest p)
      throws ProtocolException {
    return new DeleteRequest(Fields.cid(p.getCid(), "DeleteRequest.cid"));
  }
}
