/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

/** Saved {@link AuditState} bytes that cannot be read; the message names the field and values. */
public final class AuditStateException extends Exception {
  private static final long serialVersionUID = 1L;

  public AuditStateException(String message) {
    super(message);
  }
}
