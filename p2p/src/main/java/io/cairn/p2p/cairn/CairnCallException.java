/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.cairn;

import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cairn call that did not give a usable answer. {@link #kind()} says what a caller can do about
 * it; for {@link Kind#REFUSED}, {@link #errorCode()} is the node's reason.
 */
public final class CairnCallException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, in a form a caller can act on. */
  public enum Kind {
    /** The node answered with an {@code ErrorReply}; see {@link #errorCode()}. */
    REFUSED,
    /**
     * The node answered, but the answer is wrong: malformed, a bad signature, a proof for other
     * bytes, bytes that do not hash to the CID, more bytes than expected. Evidence against the
     * node.
     */
    BAD_ANSWER,
    /** No answer within the call's timeout. */
    TIMEOUT,
    /** Dialing, negotiating or the stream failed (see the cause); another node may do. */
    TRANSPORT
  }

  private final Kind kind;
  private final transient PeerId peer;
  private final ErrorCode errorCode;

  CairnCallException(Kind kind, PeerId peer, ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.peer = Objects.requireNonNull(peer, "peer");
    this.errorCode = errorCode;
  }

  public Kind kind() {
    return kind;
  }

  /** The node called. */
  public PeerId peer() {
    return peer;
  }

  /** The node's error code when {@link #kind()} is {@link Kind#REFUSED}. */
  public Optional<ErrorCode> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  @Override
  public String getMessage() {
    return (errorCode == null ? kind.toString() : kind + " " + errorCode)
        + " from "
        + peer
        + ": "
        + super.getMessage();
  }
}
