/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.internal.Fields;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A refusal, on any Cairn protocol.
 *
 * @param code why
 * @param message for people, at most {@link Protocols#MAX_ERROR_MESSAGE_BYTES} UTF-8 bytes; never a
 *     secret
 */
public record ErrorReply(ErrorCode code, String message)
    implements StoreAnswer, RetrieveAnswer, AuditAnswer, PeersAnswer {
  public ErrorReply {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    int len = message.getBytes(StandardCharsets.UTF_8).length;
    if (len > Protocols.MAX_ERROR_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "ErrorReply.message is "
              + len
              + " UTF-8 bytes, more than "
              + Protocols.MAX_ERROR_MESSAGE_BYTES);
    }
  }

  /** A reply whose message is cut to the limit if need be. */
  public static ErrorReply of(ErrorCode code, String message) {
    String m = Objects.requireNonNull(message, "message");
    while (m.getBytes(StandardCharsets.UTF_8).length > Protocols.MAX_ERROR_MESSAGE_BYTES) {
      int cut = Math.min(m.length() - 1, Protocols.MAX_ERROR_MESSAGE_BYTES - 1);
      if (Character.isLowSurrogate(m.charAt(cut))) {
        cut--;
      }
      m = m.substring(0, cut);
    }
    return new ErrorReply(code, m);
  }

  /** The reply for a failure this side detected. */
  public static ErrorReply of(ProtocolException e) {
    return of(e.code(), e.getMessage() == null ? "" : e.getMessage());
  }

  /** This refusal as an exception, for callers that propagate failures. */
  public ProtocolException toException() {
    return new ProtocolException(code, "peer replied " + code + ": " + message);
  }

  public io.cairn.protocol.wire.ErrorReply toProto() {
    return io.cairn.protocol.wire.ErrorReply.newBuilder()
        .setCode(code.toWire())
        .setMessage(message)
        .build();
  }

  /**
   * Validates a decoded reply.
   *
   * @throws ProtocolException ({@code MALFORMED}) on an unknown code or an overlong message
   */
  public static ErrorReply fromProto(io.cairn.protocol.wire.ErrorReply p) throws ProtocolException {
    ErrorCode code = ErrorCode.fromWire(p.getCodeValue());
    String message = p.getMessage();
    return Fields.build("ErrorReply", () -> new ErrorReply(code, message));
  }
}
