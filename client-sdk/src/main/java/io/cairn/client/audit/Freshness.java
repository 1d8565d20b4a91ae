/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

/**
 * Whether an audit response is timely (see {@link AuditCheck#fresh}). Anything but {@link #OK}
 * means the answer must not count as a pass; what to do about it (retry, report to the sentinel) is
 * the caller's decision.
 */
public enum Freshness {
  /** Arrived within the window of the challenge and claims a time within the window too. */
  OK,
  /** Arrived later than the window after the challenge, whatever time it claims. */
  STALE,
  /** Claims a time later than the challenge plus the window: the node's clock or a forged time. */
  FROM_FUTURE,
  /**
   * Claims a time earlier than the challenge minus the window: a replayed or precomputed answer.
   */
  BEFORE_CHALLENGE
}
