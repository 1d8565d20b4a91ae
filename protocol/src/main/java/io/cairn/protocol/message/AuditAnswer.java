/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.internal.Fields;
import io.cairn.protocol.wire.AuditProtocolReply;

/**
 * What a node answers on {@code /cairn/audit/1.0.0}.
 *
 * <p>{@link #encode} and {@link #decode} convert to and from the protobuf bytes of one {@code
 * AuditProtocolReply} (without the varint length prefix the stream adds).
 */
public sealed interface AuditAnswer permits AuditResponse, ErrorReply {
  /** The protobuf bytes of the {@code AuditProtocolReply} carrying {@code message}. */
  static byte[] encode(AuditAnswer message) {
    var b = AuditProtocolReply.newBuilder();
    switch (message) {
      case AuditResponse m -> b.setResponse(m.toProto());
      case ErrorReply m -> b.setError(m.toProto());
    }
    return b.build().toByteArray();
  }

  /**
   * Decodes and validates one {@code AuditProtocolReply}; signatures are not checked.
   *
   * @throws ProtocolException {@code TOO_LARGE} above {@link
   *     io.cairn.protocol.Protocols#MAX_CONTROL_MESSAGE}, else {@code MALFORMED} (or a more
   *     specific code) naming the field
   */
  static AuditAnswer decode(byte[] frame) throws ProtocolException {
    Fields.checkFrame(frame, "AuditProtocolReply");
    AuditProtocolReply p;
    try {
      p = AuditProtocolReply.parseFrom(frame);
    } catch (InvalidProtocolBufferException e) {
      throw Fields.unparsable("AuditProtocolReply", e);
    }
    return switch (p.getBodyCase()) {
      case RESPONSE -> AuditResponse.fromProto(p.getResponse());
      case ERROR -> ErrorReply.fromProto(p.getError());
      case BODY_NOT_SET -> throw Fields.malformed("AuditProtocolReply has no known body");
    };
  }
}
