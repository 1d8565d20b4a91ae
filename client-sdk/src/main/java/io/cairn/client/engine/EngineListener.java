/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

/**
 * Receives every {@link NodeObservation} the engines make, one per exchange with a node, so that an
 * adapter can feed the sentinel (per node: successes, latency, failure kinds, corrupt data, bad
 * signatures, audit results).
 *
 * <p>Called from the engines' worker threads, concurrently: implementations must be thread-safe,
 * fast (hand work off rather than block) and must not throw.
 */
@FunctionalInterface
public interface EngineListener {
  /** A listener that ignores everything. */
  EngineListener NONE = observation -> {};

  void observed(NodeObservation observation);
}
