/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a few worker threads and hands their results to a sink in submission order, with at
 * most {@code maxInFlight} tasks outstanding, so memory stays bounded by a few segments however
 * long the input is. The sink runs on the submitting thread, one result at a time.
 */
final class OrderedWorkers<R> implements AutoCloseable {
  /** Receives results in order; may block (that is the pipeline's backpressure). */
  interface Sink<R> {
    void accept(R result) throws IOException;
  }

  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<R>> pending = new ArrayDeque<>();
  private final Sink<R> sink;

  OrderedWorkers(int threads, int maxInFlight, String name, Sink<R> sink) {
    if (threads < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException(
          "need threads >= 1 and maxInFlight >= 1, got " + threads + ", " + maxInFlight);
    }
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.maxInFlight = maxInFlight;
    this.sink = sink;
  }

  /** Submits a task, first delivering results until fewer than maxInFlight are outstanding. */
  void submit(Callable<R> task) throws IOException {
    while (pending.size() >= maxInFlight) {
      deliverHead();
    }
    pending.add(pool.submit(task));
    while (!pending.isEmpty() && pending.peek().isDone()) {
      deliverHead();
    }
  }

  /** Delivers every outstanding result. */
  void finish() throws IOException {
    while (!pending.isEmpty()) {
      deliverHead();
    }
  }

  private void deliverHead() throws IOException {
    Future<R> head = pending.poll();
    R result;
    try {
      result = head.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a worker");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
    sink.accept(result);
  }

  /** Stops the workers; outstanding tasks are cancelled. */
  @Override
  public void close() {
    for (Future<R> f : pending) {
      f.cancel(true);
    }
    pending.clear();
    pool.shutdownNow();
  }
}
