/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.StoreProtocolReply;

/**
 * What a node answers on {@code /cairn/store/1.0.0}.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * StoreProtocolReply} (without the varint length prefix the stream adds).
 */
public sealed interface StoreAnswer permits StoreReceipt, DeleteReply, ErrorReply {
  /** The protobuf bytes of the {@code StoreProtocolReply} carrying {@code message}. */
  static byte[] encode(StoreAnswer message) {
    var b = StoreProtocolReply.newBuilder();
    switch (message) {
      case StoreReceipt m -> b.setReceipt(m.toProto());
      case DeleteReply m -> b.setDeleted(m.toProto());
      case ErrorReply m -> b.setError(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code StoreProtocolReply}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static StoreAnswer decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "StoreProtocolReply");
    StoreProtocolReply p;
    try {
      p = StoreProtocolReply.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("StoreProtocolReply", e);
    }
    return switch (p.getBodyCase()) {
      case RECEIPT -> StoreReceipt.fromProto(p.getReceipt());
      case DELETED -> DeleteReply.fromProto(p.getDeleted());
      case ERROR -> ErrorReply.fromProto(p.getError());
      case BODY_NOT_SET -> throw Fields.malformed("StoreProtocolReply has no known body");
    };
  }
}
