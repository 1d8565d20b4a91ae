/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.StoreProtocolRequest;

/**
 * What a client sends on {@code /cairn/store/1.0.0}.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * StoreProtocolRequest} (without the varint length prefix the stream adds).
 */
public sealed interface StoreCall permits StoreRequest, DeleteRequest {
  /** The protobuf bytes of the {@code StoreProtocolRequest} carrying {@code message}. */
  static byte[] encode(StoreCall message) {
    var b = StoreProtocolRequest.newBuilder();
    switch (message) {
      case StoreRequest m -> b.setStore(m.toProto());
      case DeleteRequest m -> b.setDelete(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code StoreProtocolRequest}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static StoreCall decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "StoreProtocolRequest");
    StoreProtocolRequest p;
    try {
      p = StoreProtocolRequest.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("StoreProtocolRequest", e);
    }
    return switch (p.getBodyCase()) {
      case STORE -> StoreRequest.fromProto(p.getStore());
      case DELETE -> DeleteRequest.fromProto(p.getDelete());
      case BODY_NOT_SET -> throw Fields.malformed("StoreProtocolRequest has no known body");
    };
  }
}
