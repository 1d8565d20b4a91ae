/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.store.AuditNonceStore;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.Cid;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link AuditNonceStore} on the audit-nonces column: key {@code cid (36 bytes) ‖ nonce}, value the
 * answered-at time (i64 big-endian Unix millis). A key per round makes the check-and-record one
 * point lookup and one synced put under the key's stripe lock.
 */
final class RocksAuditNonceStore implements AuditNonceStore {
  private final ManagedRocksDb db;
  private final InstantSource clock;
  private final StripedLocks locks = new StripedLocks(64);

  RocksAuditNonceStore(ManagedRocksDb db, InstantSource clock) {
    this.db = db;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean markAnswered(Cid cid, byte[] nonce) throws StoreException {
    byte[] key = key(cid, nonce);
    ReentrantLock lock = locks.forKey(key);
    lock.lock();
    try {
      if (db.get(Column.AUDIT_NONCES, key) != null) {
        return false;
      }
      db.put(
          Column.AUDIT_NONCES, key, ByteBuffer.allocate(8).putLong(clock.millis()).array(), true);
      return true;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isAnswered(Cid cid, byte[] nonce) throws StoreException {
    return db.get(Column.AUDIT_NONCES, key(cid, nonce)) != null;
  }

  private static byte[] key(Cid cid, byte[] nonce) {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.length == 0 || nonce.length > MAX_NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "audit nonce must be 1.." + MAX_NONCE_LENGTH + " bytes, got " + nonce.length);
    }
    byte[] c = cid.toBytes();
    byte[] k = Arrays.copyOf(c, c.length + nonce.length);
    System.arraycopy(nonce, 0, k, c.length, nonce.length);
    return k;
  }

  /** An exclusive end key after every {@code cid ‖ nonce} key of one CID. */
  static byte[] endOfCid(byte[] cidKey) {
    byte[] end = Arrays.copyOf(cidKey, cidKey.length + MAX_NONCE_LENGTH + 1);
    Arrays.fill(end, cidKey.length, end.length, (byte) 0xff);
    return end;
  }
}
