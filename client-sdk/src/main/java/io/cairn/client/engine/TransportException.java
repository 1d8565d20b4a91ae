/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.message.ErrorReply;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a {@link ShardTransport} call got no usable answer. The {@link Kind} says what the engines do
 * about it (all four make them try the next peer) and what evidence it is about the node; the
 * message is for people and names the peer and the step that failed.
 */
public final class TransportException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, from the engines' point of view. */
  public enum Kind {
    /** No connection could be made: dial refused, no address, connection reset before a reply. */
    UNREACHABLE,
    /** Connected, but no complete answer came within the transport's time limit. */
    TIMEOUT,
    /** The node answered with an {@code ErrorReply}; {@link #code()} says why. */
    REFUSED,
    /**
     * The node answered something that is not a valid reply: a frame that does not decode, a
     * message of the wrong type, fewer shard bytes than announced, a size above the limit.
     */
    PROTOCOL
  }

  private final Kind kind;
  private final ErrorCode code;

  private TransportException(Kind kind, ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.REFUSED) != (code != null)) {
      throw new IllegalArgumentException("an error code comes with REFUSED and only with it");
    }
    this.code = code;
  }

  public static TransportException unreachable(String message) {
    return new TransportException(Kind.UNREACHABLE, null, message, null);
  }

  public static TransportException unreachable(String message, Throwable cause) {
    return new TransportException(Kind.UNREACHABLE, null, message, cause);
  }

  public static TransportException timeout(String message) {
    return new TransportException(Kind.TIMEOUT, null, message, null);
  }

  public static TransportException refused(ErrorCode code, String message) {
    return new TransportException(
        Kind.REFUSED, Objects.requireNonNull(code, "code"), message, null);
  }

  /** The node's {@code ErrorReply}, as an exception. */
  public static TransportException refused(ErrorReply reply) {
    return refused(reply.code(), "peer replied " + reply.code() + ": " + reply.message());
  }

  public static TransportException protocol(String message) {
    return new TransportException(Kind.PROTOCOL, null, message, null);
  }

  public static TransportException protocol(String message, Throwable cause) {
    return new TransportException(Kind.PROTOCOL, null, message, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The node's error code, present exactly when the kind is {@link Kind#REFUSED}. */
  public Optional<ErrorCode> code() {
    return Optional.ofNullable(code);
  }
}
