/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.PeerId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A shard's metadata row in the meta column.
 *
 * <pre>
 * u8   version = 1
 * i64  size (bytes)
 * i64  storedAt (Unix millis)
 * u16  n = number of owners (1..MAX_OWNERS)
 * n ×  (u8 len, len bytes: owner peer id, binary multihash)
 * </pre>
 *
 * All integers big-endian.
 */
record MetaRecord(long size, long storedAtMillis, List<PeerId> owners) {
  static final byte VERSION = 1;

  MetaRecord {
    owners = List.copyOf(owners);
  }

  MetaRecord withOwner(PeerId owner) {
    List<PeerId> more = new ArrayList<>(owners);
    more.add(owner);
    return new MetaRecord(size, storedAtMillis, more);
  }

  MetaRecord withoutOwner(PeerId owner) {
    List<PeerId> fewer = new ArrayList<>(owners);
    fewer.remove(owner);
    return new MetaRecord(size, storedAtMillis, fewer);
  }

  byte[] encode() {
    List<byte[]> ids = owners.stream().map(PeerId::toBytes).toList();
    int len = 1 + 8 + 8 + 2 + ids.stream().mapToInt(b -> 1 + b.length).sum();
    ByteBuffer b = ByteBuffer.allocate(len);
    b.put(VERSION).putLong(size).putLong(storedAtMillis).putShort((short) ids.size());
    for (byte[] id : ids) {
      b.put((byte) id.length).put(id);
    }
    return b.array();
  }

  /** Decodes a row this node wrote; a row that does not decode means a damaged database. */
  static MetaRecord decode(byte[] row, Object cidForMessage) throws StoreException {
    try {
      ByteBuffer b = ByteBuffer.wrap(row);
      byte version = b.get();
      if (version != VERSION) {
        throw new StoreException(
            "metadata of " + cidForMessage + " has unknown version " + version);
      }
      long size = b.getLong();
      long storedAt = b.getLong();
      int n = Short.toUnsignedInt(b.getShort());
      if (size < 0 || size > ShardStore.MAX_SHARD_SIZE || n > ShardStore.MAX_OWNERS) {
        throw new StoreException(
            "metadata of "
                + cidForMessage
                + " is out of range (size "
                + size
                + ", owners "
                + n
                + ")");
      }
      List<PeerId> owners = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte[] id = new byte[Byte.toUnsignedInt(b.get())];
        b.get(id);
        owners.add(PeerId.fromBytes(id));
      }
      if (b.hasRemaining()) {
        throw new StoreException("metadata of " + cidForMessage + " has trailing bytes");
      }
      return new MetaRecord(size, storedAt, owners);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new StoreException("metadata of " + cidForMessage + " is malformed: " + e, false, e);
    }
  }
}
