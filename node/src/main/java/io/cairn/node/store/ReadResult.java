/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store;

import io.cairn.client.audit.BlockSource;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Objects;

/** What {@link ShardStore#get} found. Only {@link Found} carries bytes, and only checked ones. */
public sealed interface ReadResult {
  Cid cid();

  /** The shard, whose bytes were just checked to hash to {@code cid}. */
  record Found(Cid cid, Bytes data) implements ReadResult {
    public Found {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(data, "data");
    }

    /** Random access to the bytes for the audit sampler, without copying them. */
    public BlockSource blockSource() {
      ByteBuffer buf = data.asReadOnlyBuffer();
      int size = data.size();
      return new BlockSource() {
        @Override
        public long size() {
          return size;
        }

        @Override
        public void read(long offset, byte[] dst, int dstOff, int len) throws EOFException {
          if (offset < 0 || len < 0 || offset > size - (long) len) {
            throw new EOFException(
                "read of "
                    + len
                    + " bytes at "
                    + offset
                    + " past the end of a "
                    + size
                    + "-byte shard");
          }
          buf.get((int) offset, dst, dstOff, len);
        }
      };
    }
  }

  /** No shard with this CID is stored here. */
  record Missing(Cid cid) implements ReadResult {
    public Missing {
      Objects.requireNonNull(cid, "cid");
    }
  }

  /**
   * The stored bytes failed their check (wrong hash, or the database's own checksum failed). They
   * were moved to quarantine, are no longer counted as stored, and are never served.
   */
  record Corrupt(Cid cid, String reason) implements ReadResult {
    public Corrupt {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
