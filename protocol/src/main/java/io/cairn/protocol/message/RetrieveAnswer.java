/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.RetrieveProtocolReply;

/**
 * What a node answers on {@code /cairn/retrieve/1.0.0}; a {@link RetrieveResponse} is followed by
 * the shard bytes.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * RetrieveProtocolReply} (without the varint length prefix the stream adds).
 */
public sealed interface RetrieveAnswer permits RetrieveResponse, ErrorReply {
  /** The protobuf bytes of the {@code RetrieveProtocolReply} carrying {@code message}. */
  static byte[] encode(RetrieveAnswer message) {
    var b = RetrieveProtocolReply.newBuilder();
    switch (message) {
      case RetrieveResponse m -> b.setResponse(m.toProto());
      case ErrorReply m -> b.setError(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code RetrieveProtocolReply}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static RetrieveAnswer decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "RetrieveProtocolReply");
    RetrieveProtocolReply p;
    try {
      p = RetrieveProtocolReply.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("RetrieveProtocolReply", e);
    }
    return switch (p.getBodyCase()) {
      case RESPONSE -> RetrieveResponse.fromProto(p.getResponse());
      case ERROR -> ErrorReply.fromProto(p.getError());
      case BODY_NOT_SET -> throw Fields.malformed("RetrieveProtocolReply has no known body");
    };
  }
}
