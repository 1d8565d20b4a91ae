/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import java.nio.ByteBuffer;

/**
 * A quarantined shard, kept for the operator to inspect.
 *
 * <pre>
 * u8   version = 1
 * i64  detectedAt (Unix millis)
 * u8   reason: 1 = bytes do not hash to the CID, 2 = the database could not read them
 * i32  m = length of the shard's metadata row (0 if there was none)
 * m    bytes: the metadata row ({@link MetaRecord})
 * rest the bytes as they were read (empty for reason 2)
 * </pre>
 */
final class QuarantineRecord {
  static final byte VERSION = 1;
  static final byte REASON_HASH_MISMATCH = 1;
  static final byte REASON_UNREADABLE = 2;

  private QuarantineRecord() {}

  /** What a record says, without its bytes. */
  record Header(long detectedAtMillis, byte reason, long bytesKept) {
    String reasonName() {
      return switch (reason) {
        case REASON_HASH_MISMATCH -> "hash-mismatch";
        case REASON_UNREADABLE -> "unreadable";
        default -> "unknown-" + (reason & 0xff);
      };
    }
  }

  /** Reads a record's header; throws {@link IllegalArgumentException} for a malformed one. */
  static Header header(byte[] record) {
    if (record.length < 14 || record[0] != VERSION) {
      throw new IllegalArgumentException("not a version-1 quarantine record");
    }
    ByteBuffer b = ByteBuffer.wrap(record);
    b.get();
    long at = b.getLong();
    byte reason = b.get();
    int m = b.getInt();
    if (m < 0 || m > record.length - 14) {
      throw new IllegalArgumentException("quarantine record metadata length " + m);
    }
    return new Header(at, reason, record.length - 14L - m);
  }

  static byte[] encode(long detectedAtMillis, byte reason, byte[] meta, byte[] data) {
    byte[] m = meta == null ? new byte[0] : meta;
    byte[] d = data == null ? new byte[0] : data;
    return ByteBuffer.allocate(1 + 8 + 1 + 4 + m.length + d.length)
        .put(VERSION)
        .putLong(detectedAtMillis)
        .put(reason)
        .putInt(m.length)
        .put(m)
        .put(d)
        .array();
  }
}
