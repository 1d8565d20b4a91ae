/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A change of a node's state, or of its vetting flag ({@code from == to}, cause {@code vetted}),
 * with the reason in words and the numbers that triggered it.
 *
 * @param node the node
 * @param from the state before
 * @param to the state after
 * @param at when (the time of the evidence that triggered it), epoch milliseconds
 * @param cause a short stable code: a {@link Concern#code()}, or {@code released} (quarantine over,
 *     on probation as suspect), {@code recovered} (suspect to healthy), {@code vetted}
 * @param reason what happened and why, for a person: the evidence and the thresholds crossed
 * @param figures the numbers behind the reason (scores, statistics, thresholds), by name
 */
public record Transition(
    String node,
    NodeState from,
    NodeState to,
    long at,
    String cause,
    String reason,
    SortedMap<String, Double> figures) {
  public Transition {
    Evidence.checkId("node", node);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(reason, "reason");
    if (cause.isEmpty() || cause.length() > 64) {
      throw new IllegalArgumentException("cause must be 1..64 characters");
    }
    if (reason.length() > 2000) {
      throw new IllegalArgumentException("reason must be at most 2000 characters");
    }
    for (var e : figures.entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("figure '" + e.getKey() + "' must be finite");
      }
    }
    figures = Collections.unmodifiableSortedMap(new TreeMap<>(figures));
  }

  /** Whether this records a change of the vetting flag only. */
  public boolean vettingOnly() {
    return from == to;
  }
}
