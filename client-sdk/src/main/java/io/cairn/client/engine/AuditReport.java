/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.audit.Freshness;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The results of one audit run: per shard, the round challenged and each node's outcome; per node,
 * a summary.
 *
 * @param startedAt when the run began (engine clock)
 * @param shards the shards audited, by (segment, index)
 */
public record AuditReport(Instant startedAt, List<ShardAudit> shards) {

  /**
   * One shard's audit.
   *
   * @param round the round challenged (its index in the shard's audit rounds); empty when every
   *     round had been used already, so the shard could not be audited
   * @param peers one result per peer of the shard's placement, in placement order
   */
  public record ShardAudit(
      int segment, int index, Cid cid, OptionalInt round, List<PeerAudit> peers) {
    public ShardAudit {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(round, "round");
      peers = List.copyOf(peers);
    }

    /** Whether a round was challenged and every peer passed it. */
    public boolean passed() {
      return round.isPresent()
          && !peers.isEmpty()
          && peers.stream().allMatch(p -> p.outcome() == AuditOutcome.PASS);
    }
  }

  /**
   * One node's answer for one shard.
   *
   * @param freshness the freshness verdict, present when the answer got that far (signed and
   *     answering this challenge)
   * @param refusal the node's error code, for {@link AuditOutcome#NOT_FOUND} and {@link
   *     AuditOutcome#REFUSED}
   * @param latencyMillis the exchange's duration
   * @param detail what exactly failed; empty for a pass
   */
  public record PeerAudit(
      PeerId peer,
      AuditOutcome outcome,
      Optional<Freshness> freshness,
      Optional<ErrorCode> refusal,
      long latencyMillis,
      String detail) {
    public PeerAudit {
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(freshness, "freshness");
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * One node's results over the run.
   *
   * @param audited shard copies challenged
   * @param passed of which passed
   * @param outcomes how many of each outcome
   */
  public record NodeSummary(
      PeerId peer, int audited, int passed, Map<AuditOutcome, Integer> outcomes) {
    public NodeSummary {
      Objects.requireNonNull(peer, "peer");
      outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
    }

    public int failed() {
      return audited - passed;
    }
  }

  public AuditReport {
    Objects.requireNonNull(startedAt, "startedAt");
    shards = List.copyOf(shards);
  }

  /** Per node, ordered by peer id. */
  public Map<PeerId, NodeSummary> byNode() {
    Map<PeerId, EnumMap<AuditOutcome, Integer>> counts = new TreeMap<>();
    for (ShardAudit s : shards) {
      for (PeerAudit p : s.peers()) {
        counts
            .computeIfAbsent(p.peer(), k -> new EnumMap<>(AuditOutcome.class))
            .merge(p.outcome(), 1, Integer::sum);
      }
    }
    Map<PeerId, NodeSummary> out = new TreeMap<>();
    counts.forEach(
        (peer, c) -> {
          int total = c.values().stream().mapToInt(Integer::intValue).sum();
          out.put(peer, new NodeSummary(peer, total, c.getOrDefault(AuditOutcome.PASS, 0), c));
        });
    return Collections.unmodifiableMap(out);
  }

  /** Shard copies challenged. */
  public int challenged() {
    return shards.stream().mapToInt(s -> s.peers().size()).sum();
  }

  /** Shard copies that passed. */
  public int passed() {
    return (int)
        shards.stream()
            .flatMap(s -> s.peers().stream())
            .filter(p -> p.outcome() == AuditOutcome.PASS)
            .count();
  }

  /** Shards that could not be audited because all their rounds were used. */
  public long exhausted() {
    return shards.stream().filter(s -> s.round().isEmpty()).count();
  }

  /** Whether every challenged copy passed and no shard was left unaudited. */
  public boolean allPassed() {
    return shards.stream().allMatch(ShardAudit::passed);
  }
}
