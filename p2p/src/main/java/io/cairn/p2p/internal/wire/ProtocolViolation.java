/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

/**
 * A remote peer broke the wire protocol: a malformed, oversized or out-of-order message. The
 * decoders report it as this checked exception; the connection layer logs it and disconnects.
 */
public final class ProtocolViolation extends Exception {
  private static final long serialVersionUID = 1L;

  public ProtocolViolation(String message) {
    super(message, null, false, false);
  }
}
