/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.store.StoreException;
import java.util.concurrent.locks.Lock;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/** A positioned cursor over one column family; close it (it pins memtables and files). */
final class ManagedRocksIterator implements AutoCloseable {
  private final ManagedObject<RocksIterator> it;
  private final String column;
  private final Lock openLock;
  private boolean closed;

  /** Takes over {@code it} and the database's read lock {@code openLock}, released by close. */
  ManagedRocksIterator(RocksIterator it, Column column, Lock openLock) {
    this.it = ManagedObject.of(it);
    this.column = column.dbName();
    this.openLock = openLock;
  }

  void seekToFirst() {
    it.get().seekToFirst();
  }

  void seek(byte[] key) {
    it.get().seek(key);
  }

  /**
   * Whether the cursor is on an entry. At the end, checks that the scan ended because the column
   * was exhausted and not because of an error.
   */
  boolean isValid() throws StoreException {
    if (it.get().isValid()) {
      return true;
    }
    try {
      it.get().status();
    } catch (RocksDBException e) {
      throw RocksErrors.wrap("scan of " + column, e);
    }
    return false;
  }

  void next() {
    it.get().next();
  }

  byte[] key() {
    return it.get().key();
  }

  byte[] value() {
    return it.get().value();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      it.close();
    } finally {
      openLock.unlock();
    }
  }
}
