/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import java.io.IOException;

/**
 * The one checked failure of the p2p layer. {@link #reason()} says what went wrong in a form a
 * caller can act on (retry elsewhere, give up, back off); the message gives the detail.
 */
public final class P2pException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** TCP connect failed or was refused. */
    DIAL_FAILED,
    /** The dial, including the security handshake, took longer than the dial timeout. */
    DIAL_TIMEOUT,
    /** The address failed recently; the dial was not attempted until its backoff expires. */
    DIAL_BACKOFF,
    /** The Noise handshake or its libp2p payload failed verification. */
    HANDSHAKE_FAILED,
    /** The remote proved an identity other than the {@code /p2p/...} peer id dialled. */
    PEER_ID_MISMATCH,
    /** The connection gater refused the remote peer. */
    GATED,
    /** The remote does not serve the protocol id asked for. */
    PROTOCOL_NOT_SUPPORTED,
    /** A connection or stream limit was reached. */
    LIMIT_REACHED,
    /** A message was larger than the size the reader allows. */
    MESSAGE_TOO_LARGE,
    /** The remote reset the stream. */
    STREAM_RESET,
    /** The connection closed under the stream or request. */
    CONNECTION_CLOSED,
    /** The remote broke the wire protocol. */
    PROTOCOL_ERROR,
    /** The host is shut down. */
    HOST_CLOSED
  }

  private final Reason reason;

  public P2pException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public P2pException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return reason + ": " + super.getMessage();
  }
}
