/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import java.util.Objects;

/**
 * A protocol message that cannot be accepted: it failed to decode, broke a limit, or a peer
 * answered with an error. {@link #code()} says which, for the adapter to map to a reply or a retry;
 * the message names the field or limit.
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public ProtocolException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ProtocolException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  @Override
  public String toString() {
    return "ProtocolException[" + code + "]: " + getMessage();
  }
}
