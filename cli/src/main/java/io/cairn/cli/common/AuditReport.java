/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import io.cairn.client.engine.AuditOutcome;
import java.util.List;
import java.util.Objects;

/**
 * The command-specific part of {@code cairn audit --report} (see {@code docs/report-schema.md}).
 *
 * @param manifest the manifest read
 * @param challenged challenges sent (one shard copy, one round each)
 * @param passed challenges answered correctly and in time
 * @param failed challenges answered wrongly, late, unsigned, or refused as missing
 * @param unreachable challenges that got no answer (the node could not be reached or timed out)
 * @param shards every challenge, in order
 * @param nodes per node totals
 */
public record AuditReport(
    String manifest,
    int challenged,
    int passed,
    int failed,
    int unreachable,
    List<ShardOutcome> shards,
    List<NodeOutcome> nodes) {

  public AuditReport {
    Objects.requireNonNull(manifest, "manifest");
    shards = List.copyOf(shards);
    nodes = List.copyOf(nodes);
  }

  /**
   * One challenge of one shard copy.
   *
   * @param segment the shard's segment
   * @param index the shard's index
   * @param cid the shard's CID
   * @param peer the node challenged
   * @param round the audit round used (0-based, of the manifest's rounds for the shard)
   * @param outcome what happened ({@code pass}, {@code fail}, {@code stale}, ...: {@link
   *     AuditOutcome} in lower case)
   * @param latencyMs from challenge to answer or failure
   * @param detail why it failed, or null
   */
  public record ShardOutcome(
      long segment,
      int index,
      String cid,
      String peer,
      int round,
      AuditOutcome outcome,
      long latencyMs,
      String detail) {
    public ShardOutcome {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * One node's totals.
   *
   * @param peer the node
   * @param challenged challenges sent to it
   * @param passed passed
   * @param failed failed
   * @param unreachable unanswered
   * @param state its sentinel state after the audit ({@code healthy}, {@code suspect}, ...), or
   *     null
   */
  public record NodeOutcome(
      String peer, int challenged, int passed, int failed, int unreachable, String state) {
    public NodeOutcome {
      Objects.requireNonNull(peer, "peer");
    }
  }
}
