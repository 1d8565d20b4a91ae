/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

/**
 * Why a retrieval from a reachable node failed. A dial that failed is {@link Evidence.Unreachable}.
 */
public enum RetrievalFailure {
  /**
   * The node holds a receipt it signed for the shard and says it no longer has it: a data loss,
   * weighed like a failed audit. Report it only for nodes that signed a receipt (a deterministic
   * fallback peer that never got the shard is not at fault).
   */
  NOT_FOUND,
  /** The node refused (quota, allowlist, rate limit). */
  REFUSED,
  /** The transfer broke off or timed out after the connection was made. */
  ERROR
}
