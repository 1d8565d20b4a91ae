/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.audit;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.audit.AuditSampler;
import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.store.AuditNonceStore;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Answers audit challenges from the shard store (DESIGN.md, "Audit"): derives the round's blocks
 * from its nonce with the sampler the client used ({@link AuditSampler}) and hashes them.
 *
 * <p>Checks, in order: parameters in bounds ({@link AuditOutcome.Invalid}); challenge time within
 * {@link #DEFAULT_WINDOW} of the node's clock ({@link AuditOutcome.Stale}, the round stays
 * unanswered); shard held ({@link AuditOutcome.Missing}); round not answered before ({@link
 * AuditOutcome.Replayed}; recorded durably before answering, so a crash can only lose an answer,
 * never allow a second one); shard intact ({@link AuditOutcome.Corrupt}).
 */
public final class AuditResponder {
  /** How far a challenge's time may be from the node's clock, either way. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /** Metrics kind label. */
  public static final String KIND = "audit";

  private final PeerId node;
  private final ShardStore shards;
  private final AuditNonceStore nonces;
  private final InstantSource clock;
  private final long windowMillis;
  private final RequestMetrics metrics;

  /**
   * @param node this node's peer id (echoed in answers)
   * @param window allowed distance between challenge time and the node's clock
   */
  public AuditResponder(
      PeerId node,
      ShardStore shards,
      AuditNonceStore nonces,
      InstantSource clock,
      Duration window,
      RequestMetrics metrics) {
    this.node = Objects.requireNonNull(node, "node");
    this.shards = Objects.requireNonNull(shards, "shards");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.windowMillis = window.toMillis();
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("audit window must be positive, got " + window);
    }
  }

  /**
   * A challenge as the node receives it.
   *
   * @param cid the shard
   * @param roundNonce the round's secret nonce, revealed now ({@value AuditSampler#NONCE_LENGTH}
   *     bytes)
   * @param blockSize the round's block size
   * @param blockCount blocks per round
   * @param challengeTimeMillis when the challenger issued it (Unix millis)
   * @param requestNonce the challenger's fresh nonce, echoed in the answer
   */
  public record Challenge(
      Cid cid,
      Bytes roundNonce,
      int blockSize,
      int blockCount,
      long challengeTimeMillis,
      Bytes requestNonce) {
    public Challenge {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(roundNonce, "roundNonce");
      Objects.requireNonNull(requestNonce, "requestNonce");
    }

    @Override
    public String toString() {
      // The round nonce selects the blocks; keep it out of logs like the client does.
      return "Challenge[cid="
          + cid
          + ", blockSize="
          + blockSize
          + ", blockCount="
          + blockCount
          + ", challengeTimeMillis="
          + challengeTimeMillis
          + "]";
    }
  }

  /**
   * Decides and, if all checks pass, computes the answer.
   *
   * @throws StoreException if the node's database fails (not the challenger's fault)
   */
  public AuditOutcome respond(Challenge c) throws StoreException {
    long start = metrics.start();
    AuditOutcome outcome = decide(c);
    metrics.record(KIND, outcome.label(), start);
    return outcome;
  }

  private AuditOutcome decide(Challenge c) throws StoreException {
    if (c.roundNonce().size() != AuditSampler.NONCE_LENGTH) {
      return new AuditOutcome.Invalid(
          c.cid(),
          "round nonce must be "
              + AuditSampler.NONCE_LENGTH
              + " bytes, got "
              + c.roundNonce().size());
    }
    try {
      new AuditParams(AuditParams.MIN_ROUNDS, c.blockSize(), c.blockCount());
    } catch (IllegalArgumentException e) {
      return new AuditOutcome.Invalid(c.cid(), e.getMessage());
    }
    long now = clock.millis();
    long skew = c.challengeTimeMillis() - now;
    if (Math.abs(skew) > windowMillis) {
      return new AuditOutcome.Stale(c.cid(), skew);
    }
    if (!shards.contains(c.cid())) {
      return new AuditOutcome.Missing(c.cid());
    }
    byte[] nonce = c.roundNonce().toArray();
    if (!nonces.markAnswered(c.cid(), nonce)) {
      return new AuditOutcome.Replayed(c.cid());
    }
    return switch (shards.get(c.cid())) {
      case ReadResult.Missing m -> new AuditOutcome.Missing(c.cid());
      case ReadResult.Corrupt x -> new AuditOutcome.Corrupt(c.cid(), x.reason());
      case ReadResult.Found f -> {
        byte[] hash;
        try {
          hash = AuditSampler.response(nonce, f.blockSource(), c.blockSize(), c.blockCount());
        } catch (IOException e) {
          // The source reads from a checked in-memory copy; a failure here is a bug.
          throw new StoreException("reading the checked copy of " + c.cid() + " failed", false, e);
        }
        yield new AuditOutcome.Answered(
            node,
            c.cid(),
            Bytes.wrap(hash),
            c.requestNonce(),
            c.challengeTimeMillis(),
            clock.millis());
      }
    };
  }
}
