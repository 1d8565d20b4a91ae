/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Keys and operands of the counters column. Values are unsigned 64-bit little-endian integers, the
 * format of RocksDB's {@code uint64add} merge operator; a decrement is the two's complement of the
 * amount, which wraps as intended.
 */
final class Counters {
  static final byte[] USED_BYTES = key("used-bytes");
  static final byte[] SHARD_COUNT = key("shard-count");
  static final byte[] QUARANTINED_BYTES = key("quarantined-bytes");
  static final byte[] QUARANTINED_COUNT = key("quarantined-count");

  /** Bytes of shard values deleted from the shards column since its blob space was reclaimed. */
  static final byte[] GARBAGE_BYTES = key("garbage-bytes");

  private Counters() {}

  private static byte[] key(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] operand(long delta) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(delta).array();
  }

  static long decode(byte[] value) {
    if (value == null) {
      return 0;
    }
    if (value.length != 8) {
      throw new IllegalStateException("counter value must be 8 bytes, got " + value.length);
    }
    return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }
}
