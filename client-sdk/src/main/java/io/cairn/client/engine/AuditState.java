/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestLimits;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.protocol.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which audit rounds of a file have been spent. Each round's nonce is secret until it is challenged
 * and each node answers it only once, so a round must never be challenged twice: the audit engine
 * claims the lowest unused round of a shard before it sends the challenge (a round is spent even if
 * the answer is lost) and the caller saves this state after every run ({@link #encode()}, and
 * {@link #decode} the next time). Losing the state is safe but wasteful: the engine would reuse
 * rounds, which honest nodes refuse with {@code AUDIT_NONCE_REPLAYED}.
 *
 * <p>Rounds are tracked per shard position (segment, index), not per CID: with k = 1 the parity
 * shards share the data shard's CID but have rounds of their own.
 *
 * <p>Encoding, big-endian, version 1:
 *
 * <pre>
 *  0   7  "CAIRNAS"
 *  7   1  version = 1
 *  8  32  file id (the manifest's)
 * 40   4  u32 count (at most 250,000)
 * 44      count × ( u32 segment | u8 index | u64 used rounds, bit r = round r )
 *         sorted by (segment, index), no entry with an empty set
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class AuditState {
  public static final String MAGIC = "CAIRNAS";
  public static final int VERSION = 1;

  private static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC_BYTES.length + 1 + Manifest.FILE_ID_LENGTH + 4;
  private static final int ENTRY = 4 + 1 + 8;

  private final Bytes fileId;
  private final TreeMap<Long, Long> used = new TreeMap<>();

  private AuditState(Bytes fileId) {
    this.fileId = fileId;
  }

  /** No round spent yet, for the file with this id. */
  public static AuditState fresh(Bytes fileId) {
    Objects.requireNonNull(fileId, "fileId");
    if (fileId.size() != Manifest.FILE_ID_LENGTH) {
      throw new IllegalArgumentException(
          "file id must be " + Manifest.FILE_ID_LENGTH + " bytes, got " + fileId.size());
    }
    return new AuditState(fileId);
  }

  /** No round spent yet, for {@code manifest}'s file. */
  public static AuditState fresh(Manifest manifest) {
    return fresh(manifest.fileId());
  }

  /** The file this state belongs to. */
  public Bytes fileId() {
    return fileId;
  }

  /**
   * Claims the lowest round of {@code shard} not spent yet and marks it spent.
   *
   * @return its index in {@code shard.auditRounds()}, or empty when all are spent
   */
  public synchronized OptionalInt claimNextRound(ShardEntry shard) {
    long mask = used.getOrDefault(key(shard.segment(), shard.index()), 0L);
    int next = Long.numberOfTrailingZeros(~mask);
    if (next >= shard.auditRounds().size()) {
      return OptionalInt.empty();
    }
    markUsed(shard.segment(), shard.index(), next);
    return OptionalInt.of(next);
  }

  /** Marks one round spent (0..63). */
  public synchronized void markUsed(int segment, int index, int round) {
    checkPosition(segment, index);
    if (round < 0 || round >= 64) {
      throw new IllegalArgumentException("round must be in 0..63, got " + round);
    }
    used.merge(key(segment, index), 1L << round, (a, b) -> a | b);
  }

  /** Whether a round is spent. */
  public synchronized boolean isUsed(int segment, int index, int round) {
    if (round < 0 || round >= 64) {
      return false;
    }
    return (used.getOrDefault(key(segment, index), 0L) & (1L << round)) != 0;
  }

  /** How many rounds of {@code shard} are still unspent. */
  public synchronized int remaining(ShardEntry shard) {
    long mask = used.getOrDefault(key(shard.segment(), shard.index()), 0L);
    int total = shard.auditRounds().size();
    long all = total == 64 ? -1L : (1L << total) - 1;
    return total - Long.bitCount(mask & all);
  }

  /** The canonical bytes of this state (see the class comment). */
  public synchronized byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(HEADER + used.size() * ENTRY);
    b.put(MAGIC_BYTES).put((byte) VERSION);
    b.put(fileId.asReadOnlyBuffer());
    b.putInt(used.size());
    for (Map.Entry<Long, Long> e : used.entrySet()) {
      b.putInt((int) (e.getKey() >>> 8)).put((byte) (e.getKey() & 0xff)).putLong(e.getValue());
    }
    return b.array();
  }

  /**
   * Reads bytes made by {@link #encode()}.
   *
   * @throws AuditStateException if they are not a valid version-1 state; the message names the
   *     field
   */
  public static AuditState decode(byte[] bytes) throws AuditStateException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < HEADER) {
      throw new AuditStateException(
          "audit state is " + bytes.length + " bytes; even an empty one has " + HEADER);
    }
    if (!Arrays.equals(bytes, 0, MAGIC_BYTES.length, MAGIC_BYTES, 0, MAGIC_BYTES.length)) {
      throw new AuditStateException("audit state does not start with \"" + MAGIC + "\"");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    b.position(MAGIC_BYTES.length);
    int version = b.get() & 0xff;
    if (version != VERSION) {
      throw new AuditStateException(
          "audit state version " + version + " is not supported; this is version " + VERSION);
    }
    byte[] id = new byte[Manifest.FILE_ID_LENGTH];
    b.get(id);
    long count = Integer.toUnsignedLong(b.getInt());
    if (count > ManifestLimits.MAX_SHARDS) {
      throw new AuditStateException(
          "audit state has " + count + " entries; the limit is " + ManifestLimits.MAX_SHARDS);
    }
    long expected = HEADER + count * ENTRY;
    if (bytes.length != expected) {
      throw new AuditStateException(
          "audit state with "
              + count
              + " entries must be "
              + expected
              + " bytes, got "
              + bytes.length);
    }
    AuditState state = new AuditState(Bytes.wrap(id));
    long previous = -1;
    for (long i = 0; i < count; i++) {
      long segment = Integer.toUnsignedLong(b.getInt());
      int index = b.get() & 0xff;
      long mask = b.getLong();
      if (segment >= ManifestLimits.MAX_SHARDS) {
        throw new AuditStateException(
            "audit state entry #" + i + " has segment " + segment + ", beyond the limit");
      }
      long key = key((int) segment, index);
      if (key <= previous) {
        throw new AuditStateException(
            "audit state entry #" + i + " is out of order or repeated (segment " + segment + ")");
      }
      if (mask == 0) {
        throw new AuditStateException("audit state entry #" + i + " has no round marked");
      }
      previous = key;
      state.used.put(key, mask);
    }
    return state;
  }

  private static void checkPosition(int segment, int index) {
    if (segment < 0 || segment >= ManifestLimits.MAX_SHARDS || index < 0 || index > 255) {
      throw new IllegalArgumentException("no shard at segment " + segment + ", index " + index);
    }
  }

  private static long key(int segment, int index) {
    return ((long) segment << 8) | index;
  }

  @Override
  public synchronized String toString() {
    return "AuditState[fileId=" + fileId + ", shards with spent rounds=" + used.size() + "]";
  }
}
