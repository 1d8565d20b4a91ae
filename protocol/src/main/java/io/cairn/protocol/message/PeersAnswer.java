/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.PeersProtocolReply;

/**
 * What a peer answers on {@code /cairn/peers/1.0.0}.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * PeersProtocolReply} (without the varint length prefix the stream adds).
 */
public sealed interface PeersAnswer permits PeerExchangeResponse, ErrorReply {
  /** The protobuf bytes of the {@code PeersProtocolReply} carrying {@code message}. */
  static byte[] encode(PeersAnswer message) {
    var b = PeersProtocolReply.newBuilder();
    switch (message) {
      case PeerExchangeResponse m -> b.setExchange(m.toProto());
      case ErrorReply m -> b.setError(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code PeersProtocolReply}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static PeersAnswer decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "PeersProtocolReply");
    PeersProtocolReply p;
    try {
      p = PeersProtocolReply.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("PeersProtocolReply", e);
    }
    return switch (p.getBodyCase()) {
      case EXCHANGE -> PeerExchangeResponse.fromProto(p.getExchange());
      case ERROR -> ErrorReply.fromProto(p.getError());
      case BODY_NOT_SET -> throw Fields.malformed("PeersProtocolReply has no known body");
    };
  }
}
