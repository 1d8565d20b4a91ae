/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.client.engine.EngineListener;
import io.cairn.client.engine.NodeObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Keeps every {@link NodeObservation} of a run (the report lists each exchange with its latency)
 * and hands each to the sentinel. Thread-safe and fast, as {@link EngineListener} requires.
 */
public final class ObservationLog implements EngineListener {
  private final ConcurrentLinkedQueue<NodeObservation> all = new ConcurrentLinkedQueue<>();
  private final ClientSentinel sentinel;

  public ObservationLog(ClientSentinel sentinel) {
    this.sentinel = Objects.requireNonNull(sentinel, "sentinel");
  }

  @Override
  public void observed(NodeObservation observation) {
    all.add(observation);
    try {
      sentinel.observe(observation);
    } catch (RuntimeException e) {
      // A listener must not throw; a malformed piece of evidence is dropped, the run goes on.
    }
  }

  /** Every observation so far, in the order they were recorded. */
  public List<NodeObservation> all() {
    return new ArrayList<>(all);
  }
}
