/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.PeersProtocolRequest;

/**
 * What a peer sends on {@code /cairn/peers/1.0.0}.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * PeersProtocolRequest} (without the varint length prefix the stream adds).
 */
public sealed interface PeersCall permits PeerExchangeRequest {
  /** The protobuf bytes of the {@code PeersProtocolRequest} carrying {@code message}. */
  static byte[] encode(PeersCall message) {
    var b = PeersProtocolRequest.newBuilder();
    switch (message) {
      case PeerExchangeRequest m -> b.setExchange(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code PeersProtocolRequest}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static PeersCall decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "PeersProtocolRequest");
    PeersProtocolRequest p;
    try {
      p = PeersProtocolRequest.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("PeersProtocolRequest", e);
    }
    return switch (p.getBodyCase()) {
      case EXCHANGE -> PeerExchangeRequest.fromProto(p.getExchange());
      case BODY_NOT_SET -> throw Fields.malformed("PeersProtocolRequest has no known body");
    };
  }
}
