/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.cairn;

import io.cairn.p2p.P2pStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Resets a stream when a deadline passes, so a thread blocked in a read or write on it wakes up
 * with a stream-reset error. Both sides use it: a requester bounds a call, a responder bounds how
 * long a slow or silent peer may hold a stream (and the memory it reserved).
 *
 * <pre>{@code
 * try (StreamDeadline d = StreamDeadline.arm(stream, Duration.ofSeconds(30))) {
 *   ... blocking reads and writes ...
 * } // if d.expired(), the failure was the deadline
 * }</pre>
 */
public final class StreamDeadline implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = timer();

  private final ScheduledFuture<?> task;
  private volatile boolean expired;

  private StreamDeadline(P2pStream stream, Duration timeout) {
    Objects.requireNonNull(stream, "stream");
    this.task =
        TIMER.schedule(
            () -> {
              expired = true;
              stream.reset();
            },
            Math.max(1, timeout.toNanos()),
            TimeUnit.NANOSECONDS);
  }

  /** Resets {@code stream} after {@code timeout} unless closed first. */
  public static StreamDeadline arm(P2pStream stream, Duration timeout) {
    return new StreamDeadline(stream, timeout);
  }

  /** Whether the deadline passed and the stream was reset. */
  public boolean expired() {
    return expired;
  }

  /** Disarms the deadline. Idempotent. */
  @Override
  public void close() {
    task.cancel(false);
  }

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = new Thread(r, "cairn-stream-deadline");
              th.setDaemon(true);
              return th;
            });
    // Most deadlines are disarmed long before they fire: do not keep them queued.
    t.setRemoveOnCancelPolicy(true);
    return t;
  }
}
