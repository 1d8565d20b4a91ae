/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import java.io.IOException;

/**
 * The node's own database failed: a disk error, a full disk, a database in use by another process,
 * or a record the node itself wrote that no longer decodes. Never caused by a peer's input (those
 * outcomes are result values), so the request handlers answer it with an internal error.
 */
public class StoreException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean corruption;

  public StoreException(String message, boolean corruption, Throwable cause) {
    super(message, cause);
    this.corruption = corruption;
  }

  public StoreException(String message) {
    this(message, false, null);
  }

  /** Whether the database reported corrupt data (a checksum mismatch) rather than an I/O error. */
  public boolean isCorruption() {
    return corruption;
  }
}
