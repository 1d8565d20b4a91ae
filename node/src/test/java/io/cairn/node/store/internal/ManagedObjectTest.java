/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

class ManagedObjectTest {
  static {
    RocksDB.loadLibrary();
  }

  @Test
  void shouldCloseTheNativeObjectOnceAndRefuseUseAfterClose() {
    WriteOptions raw = new WriteOptions();
    ManagedObject<WriteOptions> m = ManagedObject.of(raw);
    assertSame(raw, m.get());
    assertTrue(raw.isOwningHandle());

    m.close();
    m.close();

    assertFalse(raw.isOwningHandle());
    assertThrows(IllegalStateException.class, m::get);
  }
}
