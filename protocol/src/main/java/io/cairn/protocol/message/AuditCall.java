/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.AuditProtocolRequest;

/**
 * What a client sends on {@code /cairn/audit/1.0.0}.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * AuditProtocolRequest} (without the varint length prefix the stream adds).
 */
public sealed interface AuditCall permits AuditChallenge {
  /** The protobuf bytes of the {@code AuditProtocolRequest} carrying {@code message}. */
  static byte[] encode(AuditCall message) {
    var b = AuditProtocolRequest.newBuilder();
    switch (message) {
      case AuditChallenge m -> b.setChallenge(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code AuditProtocolRequest}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static AuditCall decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "AuditProtocolRequest");
    AuditProtocolRequest p;
    try {
      p = AuditProtocolRequest.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("AuditProtocolRequest", e);
    }
    return switch (p.getBodyCase()) {
      case CHALLENGE -> AuditChallenge.fromProto(p.getChallenge());
      case BODY_NOT_SET -> throw Fields.malformed("AuditProtocolRequest has no known body");
    };
  }
}
