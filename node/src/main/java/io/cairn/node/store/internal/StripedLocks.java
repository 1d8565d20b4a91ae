/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks chosen by key hash: operations on one CID are serialised (a put and a delete
 * of the same shard cannot interleave) while different CIDs mostly proceed in parallel.
 */
final class StripedLocks {
  private final ReentrantLock[] locks;

  StripedLocks(int stripes) {
    if (Integer.bitCount(stripes) != 1) {
      throw new IllegalArgumentException("stripes must be a power of two, got " + stripes);
    }
    locks = new ReentrantLock[stripes];
    Arrays.setAll(locks, i -> new ReentrantLock());
  }

  ReentrantLock forKey(byte[] key) {
    int h = Arrays.hashCode(key);
    h ^= h >>> 16;
    return locks[h & (locks.length - 1)];
  }
}
