/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.store.internal;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.rocksdb.AbstractNativeReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RocksDB native object with an owner that closes it (Ozone {@code ManagedObject} style): the
 * native memory is released by {@link #close()}, which callers reach through try-with-resources or
 * a {@code finally}. A wrapper that the garbage collector finds unclosed is reported as a leak (a
 * warning naming the type, and where it was created when {@code -Dcairn.rocksdb.trackLeaks=true}).
 *
 * @param <T> the wrapped RocksDB object
 */
final class ManagedObject<T extends AbstractNativeReference> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedObject.class);
  private static final Cleaner CLEANER = Cleaner.create();
  private static final boolean TRACK_SITES = Boolean.getBoolean("cairn.rocksdb.trackLeaks");
  private static final LongAdder LEAKS = new LongAdder();

  private final T object;
  private final LeakState state;
  private final Cleaner.Cleanable cleanable;

  private ManagedObject(T object) {
    this.object = Objects.requireNonNull(object, "object");
    this.state =
        new LeakState(
            object.getClass().getSimpleName(), TRACK_SITES ? new Throwable("created here") : null);
    this.cleanable = CLEANER.register(this, state);
  }

  /** Takes ownership of {@code object}: closing the wrapper closes it. */
  static <T extends AbstractNativeReference> ManagedObject<T> of(T object) {
    return new ManagedObject<>(object);
  }

  /** The wrapped object; valid until {@link #close()}. */
  T get() {
    if (state.closed.get()) {
      throw new IllegalStateException(state.type + " is closed");
    }
    return object;
  }

  /** How many managed objects were collected without being closed (for tests and metrics). */
  static long leakCount() {
    return LEAKS.sum();
  }

  @Override
  public void close() {
    if (state.closed.compareAndSet(false, true)) {
      try {
        object.close();
      } finally {
        cleanable.clean();
      }
    }
  }

  /** Runs when the wrapper is closed or collected; reports a leak in the latter case. */
  private static final class LeakState implements Runnable {
    final AtomicBoolean closed = new AtomicBoolean();
    final String type;
    final Throwable site;

    LeakState(String type, Throwable site) {
      this.type = type;
      this.site = site;
    }

    @Override
    public void run() {
      if (!closed.get()) {
        LEAKS.increment();
        if (site != null) {
          LOG.warn("RocksDB {} was not closed before it was garbage-collected", type, site);
        } else {
          LOG.warn(
              "RocksDB {} was not closed before it was garbage-collected"
                  + " (run with -Dcairn.rocksdb.trackLeaks=true to see where it was created)",
              type);
        }
      }
    }
  }
}
