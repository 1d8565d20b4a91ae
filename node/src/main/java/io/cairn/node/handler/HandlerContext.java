/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.node.metrics.RequestMetrics;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** What the handlers share: policy, the memory budget, metrics and the in-flight count. */
final class HandlerContext {
  private final Set<PeerId> allowlist;
  private final Duration requestTimeout;
  private final MemoryBudget budget;
  private final RequestMetrics metrics;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int inFlight;
  private boolean accepting = true;

  HandlerContext(
      Set<PeerId> allowlist, Duration requestTimeout, MemoryBudget budget, RequestMetrics metrics) {
    this.allowlist = Set.copyOf(allowlist);
    this.requestTimeout = requestTimeout;
    this.budget = budget;
    this.metrics = metrics;
  }

  boolean allowed(PeerId peer) {
    return allowlist.isEmpty() || allowlist.contains(peer);
  }

  Duration requestTimeout() {
    return requestTimeout;
  }

  MemoryBudget budget() {
    return budget;
  }

  /**
   * Reserves {@code size} bytes of the memory budget, waiting at most the request timeout.
   *
   * @throws ProtocolException {@code INTERNAL} ("busy") if the budget did not free up in time
   */
  MemoryBudget.Lease reserve(long size) throws ProtocolException, InterruptedException {
    return budget
        .tryAcquire(size, requestTimeout)
        .orElseThrow(
            () ->
                new ProtocolException(
                    ErrorCode.INTERNAL,
                    "this node is busy: no memory for a "
                        + size
                        + "-byte shard came free within "
                        + requestTimeout));
  }

  RequestMetrics metrics() {
    return metrics;
  }

  /** Counts a request in; false once shutdown began (the request is refused). */
  boolean enter() {
    lock.lock();
    try {
      if (!accepting) {
        return false;
      }
      inFlight++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  void exit() {
    lock.lock();
    try {
      if (--inFlight == 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  void stopAccepting() {
    lock.lock();
    try {
      accepting = false;
    } finally {
      lock.unlock();
    }
  }

  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (inFlight > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }
}
