/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

/**
 * How far the sentinel trusts a node, from most to least. Vetting is not a state but a flag beside
 * it ({@link NodeSnapshot#vetting()}): a new node can be healthy and still vetting.
 */
public enum NodeState {
  /** No concern: full share of placements. */
  HEALTHY,
  /** A soft concern (latency, availability, a dip in the audit score): placed, but ranked lower. */
  SUSPECT,
  /** Evidence of lost or false data, or long unavailability: gets no new shards. Reversible. */
  QUARANTINED,
  /** Audit score below the disqualification line. Final: the node never gets shards again. */
  DISQUALIFIED;

  /** Whether placement must skip the node. */
  public boolean excluded() {
    return this == QUARANTINED || this == DISQUALIFIED;
  }
}
