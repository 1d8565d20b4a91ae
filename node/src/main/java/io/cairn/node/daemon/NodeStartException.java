/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

/** The node could not start; the message says which part failed and why. */
public final class NodeStartException extends Exception {
  private static final long serialVersionUID = 1L;

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
