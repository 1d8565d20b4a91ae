/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.store.StoreException;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Turns RocksDB's exceptions into {@link StoreException}s that say what was being done. */
final class RocksErrors {
  private RocksErrors() {}

  static StoreException wrap(String what, RocksDBException e) {
    Status status = e.getStatus();
    boolean corruption = status != null && status.getCode() == Status.Code.Corruption;
    return new StoreException(what + ": " + e.getMessage(), corruption, e);
  }
}
