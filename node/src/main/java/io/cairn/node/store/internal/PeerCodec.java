/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import io.cairn.node.peers.PeerRecord;
import io.cairn.node.peers.PeerTable;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the peers column (key: peer id binary).
 *
 * <pre>
 * u8   version = 1
 * i64  lastSeen (Unix millis)
 * u8   n = number of addresses (0..MAX_ADDRESSES_PER_PEER)
 * n ×  (u16 len, len bytes: multiaddr binary)
 * </pre>
 */
final class PeerCodec {
  static final byte VERSION = 1;

  private PeerCodec() {}

  static byte[] encode(PeerRecord r) {
    List<byte[]> addrs = r.addresses().stream().map(Multiaddr::toBytes).toList();
    ByteBuffer b =
        ByteBuffer.allocate(1 + 8 + 1 + addrs.stream().mapToInt(a -> 2 + a.length).sum());
    b.put(VERSION).putLong(r.lastSeen().toEpochMilli()).put((byte) addrs.size());
    for (byte[] a : addrs) {
      b.putShort((short) a.length).put(a);
    }
    return b.array();
  }

  /**
   * Decodes a row.
   *
   * @throws IllegalArgumentException if the row is malformed
   */
  static PeerRecord decode(byte[] key, byte[] row) {
    try {
      ByteBuffer b = ByteBuffer.wrap(row);
      if (b.get() != VERSION) {
        throw new IllegalArgumentException("unknown peer row version");
      }
      Instant lastSeen = Instant.ofEpochMilli(b.getLong());
      int n = Byte.toUnsignedInt(b.get());
      if (n > PeerTable.MAX_ADDRESSES_PER_PEER) {
        throw new IllegalArgumentException("peer row has " + n + " addresses");
      }
      List<Multiaddr> addrs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int len = Short.toUnsignedInt(b.getShort());
        if (len > Multiaddr.MAX_BINARY_LENGTH) {
          throw new IllegalArgumentException("peer row address of " + len + " bytes");
        }
        byte[] a = new byte[len];
        b.get(a);
        addrs.add(Multiaddr.fromBytes(a));
      }
      return new PeerRecord(PeerId.fromBytes(key), addrs, lastSeen);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("peer row is truncated", e);
    }
  }
}
