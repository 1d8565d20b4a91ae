/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.protocol.Protocols;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the shard bytes the handlers hold in memory at once. A store reserves its announced size
 * before reading the bytes; a retrieve or audit reserves the shard's size before reading it from
 * disk. A request waits (on its virtual thread, while flow control holds the sender back) until
 * enough of the budget is free, so many concurrent 64 MiB requests slow down instead of exhausting
 * the heap. Fair: a large request is not starved by a stream of small ones.
 */
public final class MemoryBudget {
  private static final int UNIT = 1024;

  private final long bytes;
  private final Semaphore permits;

  /**
   * @param bytes the budget; at least {@link Protocols#MAX_SHARD_SIZE} so the largest shard fits
   */
  public MemoryBudget(long bytes) {
    if (bytes < Protocols.MAX_SHARD_SIZE) {
      throw new IllegalArgumentException(
          "memory budget of "
              + bytes
              + " bytes is below one maximal shard "
              + Protocols.MAX_SHARD_SIZE);
    }
    long units = Math.min(Integer.MAX_VALUE, bytes / UNIT);
    this.bytes = units * UNIT;
    this.permits = new Semaphore((int) units, true);
  }

  /** A third of the maximal heap, and room for two maximal shards at least. */
  public static MemoryBudget forHeap(long maxHeapBytes) {
    return new MemoryBudget(Math.max(2 * Protocols.MAX_SHARD_SIZE, maxHeapBytes / 3));
  }

  /** A reservation; closing it returns the bytes. */
  public interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits until {@code size} bytes are free and reserves them. */
  public Lease acquire(long size) throws InterruptedException {
    int units = units(size);
    permits.acquire(units);
    return lease(units);
  }

  /** Waits at most {@code timeout} for {@code size} bytes; empty if they did not come free. */
  public Optional<Lease> tryAcquire(long size, Duration timeout) throws InterruptedException {
    int units = units(size);
    if (!permits.tryAcquire(units, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return Optional.empty();
    }
    return Optional.of(lease(units));
  }

  private int units(long size) {
    if (size < 0 || size > bytes) {
      throw new IllegalArgumentException(size + " bytes do not fit a budget of " + bytes);
    }
    return (int) ((size + UNIT - 1) / UNIT);
  }

  private Lease lease(int units) {
    if (units == 0) {
      return () -> {};
    }
    return new Lease() {
      private boolean released;

      @Override
      public synchronized void close() {
        if (!released) {
          released = true;
          permits.release(units);
        }
      }
    };
  }

  /** The budget in bytes. */
  public long bytes() {
    return bytes;
  }

  /** Bytes free now. */
  public long availableBytes() {
    return (long) permits.availablePermits() * UNIT;
  }
}
