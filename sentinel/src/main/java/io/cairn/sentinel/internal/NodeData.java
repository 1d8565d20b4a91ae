/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.internal;

import io.cairn.sentinel.Concern;
import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.NodeState;
import io.cairn.sentinel.Transition;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a {@link NodeRecord} holds, as plain values: what the state file stores. The
 * constructor checks that a (possibly hand-edited) file holds sane values.
 */
public record NodeData(
    String node,
    NodeState state,
    long stateSince,
    long lastTroubleAt,
    boolean vetting,
    long firstSeen,
    long lastSeen,
    long events,
    long auditsPassed,
    long auditsFailed,
    long proofs,
    long losses,
    long evasions,
    long timeouts,
    long unreachable,
    double auditAlpha,
    double auditBeta,
    double onlineAlpha,
    double onlineBeta,
    double integrity,
    long latencySamples,
    double latencyMean,
    double latencyVariance,
    double latencyFast,
    double latencyShift,
    double latencyRecent,
    long windowBits,
    double failureBaseline,
    double failureExcess,
    Set<Concern> concerns,
    Map<String, Integer> contained,
    List<Transition> transitions) {

  /** At most this many shards wait for re-audit per node. */
  public static final int MAX_CONTAINED = 16;

  public NodeData {
    Evidence.checkId("node", node);
    Objects.requireNonNull(state, "state");
    nonNegative("events", events);
    nonNegative("auditsPassed", auditsPassed);
    nonNegative("auditsFailed", auditsFailed);
    nonNegative("proofs", proofs);
    nonNegative("losses", losses);
    nonNegative("evasions", evasions);
    nonNegative("timeouts", timeouts);
    nonNegative("unreachable", unreachable);
    nonNegative("latencySamples", latencySamples);
    positiveOrZero("auditAlpha", auditAlpha);
    positiveOrZero("auditBeta", auditBeta);
    positiveOrZero("onlineAlpha", onlineAlpha);
    positiveOrZero("onlineBeta", onlineBeta);
    if (auditAlpha + auditBeta <= 0 || onlineAlpha + onlineBeta <= 0) {
      throw new IllegalArgumentException("alpha + beta must be positive");
    }
    positiveOrZero("integrity", integrity);
    finite("latencyMean", latencyMean);
    positiveOrZero("latencyVariance", latencyVariance);
    finite("latencyFast", latencyFast);
    positiveOrZero("latencyShift", latencyShift);
    finite("latencyRecent", latencyRecent);
    if (!(failureBaseline >= 0 && failureBaseline <= 1)) {
      throw new IllegalArgumentException("failureBaseline must be in [0, 1]");
    }
    finite("failureExcess", failureExcess);
    concerns = Set.copyOf(concerns);
    if (contained.size() > MAX_CONTAINED) {
      throw new IllegalArgumentException("at most " + MAX_CONTAINED + " contained shards");
    }
    for (var e : contained.entrySet()) {
      Evidence.checkId("contained shard", e.getKey());
      if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 1000) {
        throw new IllegalArgumentException("contained count must be in 1..1000");
      }
    }
    contained = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contained));
    transitions = List.copyOf(transitions);
  }

  private static void nonNegative(String field, long x) {
    if (x < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + x);
    }
  }

  private static void finite(String field, double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException(field + " must be a finite number");
    }
  }

  private static void positiveOrZero(String field, double x) {
    if (!(Double.isFinite(x) && x >= 0)) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + x);
    }
  }
}
