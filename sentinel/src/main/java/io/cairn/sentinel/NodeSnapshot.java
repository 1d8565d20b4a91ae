/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import java.util.List;
import java.util.Objects;

/**
 * What the sentinel knows about one node at one moment: its state, scores, raised concerns and
 * recent transitions (newest last). Immutable.
 *
 * @param node the node id
 * @param state its state
 * @param stateSince when it entered that state
 * @param vetting whether it is still being vetted (reduced share of placements)
 * @param auditScore Beta audit score in [0, 1], alpha / (alpha + beta)
 * @param onlineScore Beta online score in [0, 1]
 * @param integrity the integrity CUSUM statistic (log likelihood ratio, 0 = clean)
 * @param typicalLatencyMillis smoothed typical latency, or -1 before any sample
 * @param baselineLatencyMillis the slow baseline latency the shift detector compares with, or -1
 * @param latencyShift the latency CUSUM statistic
 * @param windowFailures failed requests in the short window
 * @param failureBaseline the long-run failure rate in [0, 1]
 * @param auditsPassed audits passed since first seen
 * @param auditsFailed answered audits that failed
 * @param proofs proofs of false data (wrong hash, corrupt data, bad signature)
 * @param evasions shards that timed out {@code containment.timeouts} times in a row
 * @param timeouts audit timeouts
 * @param unreachable failed dials
 * @param events evidence events seen
 * @param firstSeen time of the first evidence
 * @param lastSeen time of the latest evidence
 * @param concerns raised concerns, most severe first
 * @param pendingReaudits shards to audit first (containment), oldest first
 * @param recentTransitions the latest transitions, oldest first
 */
public record NodeSnapshot(
    String node,
    NodeState state,
    long stateSince,
    boolean vetting,
    double auditScore,
    double onlineScore,
    double integrity,
    long typicalLatencyMillis,
    long baselineLatencyMillis,
    double latencyShift,
    int windowFailures,
    double failureBaseline,
    long auditsPassed,
    long auditsFailed,
    long proofs,
    long evasions,
    long timeouts,
    long unreachable,
    long events,
    long firstSeen,
    long lastSeen,
    List<Concern> concerns,
    List<String> pendingReaudits,
    List<Transition> recentTransitions) {
  public NodeSnapshot {
    Evidence.checkId("node", node);
    Objects.requireNonNull(state, "state");
    concerns = List.copyOf(concerns);
    pendingReaudits = List.copyOf(pendingReaudits);
    recentTransitions = List.copyOf(recentTransitions);
  }

  /** The latest transition that changed the state (not only the vetting flag), if any. */
  public java.util.Optional<Transition> lastStateChange() {
    for (int i = recentTransitions.size() - 1; i >= 0; i--) {
      if (!recentTransitions.get(i).vettingOnly()) {
        return java.util.Optional.of(recentTransitions.get(i));
      }
    }
    return java.util.Optional.empty();
  }
}
