/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.RetrieveProtocolRequest;

/**
 * What a client sends on {@code /cairn/retrieve/1.0.0}.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * RetrieveProtocolRequest} (without the varint length prefix the stream adds).
 */
public sealed interface RetrieveCall permits RetrieveRequest {
  /** The protobuf bytes of the {@code RetrieveProtocolRequest} carrying {@code message}. */
  static byte[] encode(RetrieveCall message) {
    var b = RetrieveProtocolRequest.newBuilder();
    switch (message) {
      case RetrieveRequest m -> b.setRetrieve(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code RetrieveProtocolRequest}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static RetrieveCall decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "RetrieveProtocolRequest");
    RetrieveProtocolRequest p;
    try {
      p = RetrieveProtocolRequest.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("RetrieveProtocolRequest", e);
    }
    return switch (p.getBodyCase()) {
      case RETRIEVE -> RetrieveRequest.fromProto(p.getRetrieve());
      case BODY_NOT_SET -> throw Fields.malformed("RetrieveProtocolRequest has no known body");
    };
  }
}
