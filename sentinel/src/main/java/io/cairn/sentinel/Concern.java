/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

/**
 * One signal about a node that is currently raised, with the state it pushes the node towards. Each
 * concern is raised and cleared at two different thresholds of the {@link Policy} (hysteresis), so
 * a value hovering at one line does not make the state flap.
 */
public enum Concern {
  /**
   * Integrity evidence (a likelihood-ratio CUSUM over audits and retrievals) says the node loses or
   * falsifies data far more often than an honest node would.
   */
  INTEGRITY("integrity", NodeState.QUARANTINED),
  /** The audit score fell below the quarantine line. */
  AUDIT_SCORE_LOW("audit-score-low", NodeState.QUARANTINED),
  /** The online score fell below the quarantine line: away for a long time. */
  OFFLINE("offline", NodeState.QUARANTINED),
  /** The audit score dipped below the suspect line. */
  AUDIT_SCORE_DIP("audit-score-dip", NodeState.SUSPECT),
  /** The online score dipped below the suspect line. */
  AVAILABILITY_DIP("availability-dip", NodeState.SUSPECT),
  /** Latency jumped above the node's own baseline (CUSUM over log latency). */
  LATENCY_SHIFT("latency-shift", NodeState.SUSPECT),
  /** Typical latency above the absolute slow line. */
  SLOW("slow", NodeState.SUSPECT),
  /** A burst of failed requests in the short window, well above the node's own failure rate. */
  FAILURE_BURST("failure-burst", NodeState.SUSPECT),
  /** The audit score fell below the disqualification line. Never cleared. */
  DISQUALIFYING_AUDIT_SCORE("audit-score-disqualifying", NodeState.DISQUALIFIED),
  /** The node produced {@code audit.disqualifyProofs} proofs of false data. Never cleared. */
  DISQUALIFYING_PROOFS("proofs-disqualifying", NodeState.DISQUALIFIED);

  private final String code;
  private final NodeState severity;

  Concern(String code, NodeState severity) {
    this.code = code;
    this.severity = severity;
  }

  /** Short stable name used in reports, JSON and transition causes. */
  public String code() {
    return code;
  }

  /** The state this concern pushes the node to while it is raised. */
  public NodeState severity() {
    return severity;
  }

  /** Whether this concern is about the node's data (as opposed to speed or availability). */
  public boolean integrity() {
    return this == INTEGRITY
        || this == AUDIT_SCORE_LOW
        || this == AUDIT_SCORE_DIP
        || this == DISQUALIFYING_AUDIT_SCORE
        || this == DISQUALIFYING_PROOFS;
  }

  /** The concern with this {@link #code()}. */
  public static Concern ofCode(String code) {
    for (Concern c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown concern '" + code + "'");
  }
}
