/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.trace;

import java.util.ArrayList;
import java.util.List;

/** Receives trace events; implementations must be thread-safe (workers record concurrently). */
@FunctionalInterface
public interface Trace {
  /** A trace that keeps nothing. */
  Trace NONE = event -> {};

  void record(TraceEvent event);

  /** A trace that keeps every event in memory, in arrival order. */
  static Recording recording() {
    return new Recording();
  }

  /** Keeps events in memory. */
  final class Recording implements Trace {
    private final List<TraceEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(TraceEvent event) {
      events.add(event);
    }

    public synchronized List<TraceEvent> events() {
      return List.copyOf(events);
    }
  }
}
