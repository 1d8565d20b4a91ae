/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.identity;

/**
 * The node's identity key cannot be used: unsafe file permissions, a malformed file, or an I/O
 * error. The message says what is wrong and how to fix it; the node must not start.
 */
public final class IdentityException extends Exception {
  private static final long serialVersionUID = 1L;

  public IdentityException(String message) {
    super(message);
  }

  public IdentityException(String message, Throwable cause) {
    super(message, cause);
  }
}
