/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.store.StoreException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes applied together by {@link ManagedRocksDb#write}: all of them or none survive a crash,
 * across column families (the batch is one WAL record).
 */
final class ManagedWriteBatch implements AutoCloseable {
  private final ManagedRocksDb db;
  private final ManagedObject<WriteBatch> batch = ManagedObject.of(new WriteBatch());

  ManagedWriteBatch(ManagedRocksDb db) {
    this.db = db;
  }

  ManagedWriteBatch put(Column column, byte[] key, byte[] value) throws StoreException {
    try {
      batch.get().put(db.handle(column), key, value);
    } catch (RocksDBException e) {
      throw RocksErrors.wrap("batch put into " + column.dbName(), e);
    }
    return this;
  }

  ManagedWriteBatch merge(Column column, byte[] key, byte[] operand) throws StoreException {
    try {
      batch.get().merge(db.handle(column), key, operand);
    } catch (RocksDBException e) {
      throw RocksErrors.wrap("batch merge into " + column.dbName(), e);
    }
    return this;
  }

  ManagedWriteBatch delete(Column column, byte[] key) throws StoreException {
    try {
      batch.get().delete(db.handle(column), key);
    } catch (RocksDBException e) {
      throw RocksErrors.wrap("batch delete from " + column.dbName(), e);
    }
    return this;
  }

  /** Deletes keys in {@code [from, to)}. */
  ManagedWriteBatch deleteRange(Column column, byte[] from, byte[] to) throws StoreException {
    try {
      batch.get().deleteRange(db.handle(column), from, to);
    } catch (RocksDBException e) {
      throw RocksErrors.wrap("batch delete range from " + column.dbName(), e);
    }
    return this;
  }

  WriteBatch raw() {
    return batch.get();
  }

  @Override
  public void close() {
    batch.close();
  }
}
