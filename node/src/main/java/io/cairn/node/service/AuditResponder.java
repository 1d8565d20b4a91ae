/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.audit.AuditSampler;
import io.cairn.node.identity.NodeIdentity;
import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.store.AuditNonceStore;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The node's side of {@code /cairn/audit/1.0.0} (DESIGN.md, "Audit"): derives the round's blocks
 * from its nonce with the sampler the client used ({@link AuditSampler}), hashes them from the
 * stored shard and signs the answer with the node's identity key.
 *
 * <p>Checks, in order: sampling parameters supported ({@link AuditOutcome.Invalid}); challenge time
 * within the window of the node's clock ({@link AuditOutcome.Stale}; the round stays unanswered);
 * shard held ({@link AuditOutcome.Missing}); round not answered before ({@link
 * AuditOutcome.Replayed}; recorded durably before the answer is computed, so a crash can lose an
 * answer but never allow a second one); shard intact ({@link AuditOutcome.Corrupt}).
 */
public final class AuditResponder {
  /** How far a challenge's time may be from the node's clock, either way. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

  /** Metrics kind label. */
  public static final String KIND = "audit";

  private final NodeIdentity identity;
  private final ShardStore shards;
  private final AuditNonceStore nonces;
  private final InstantSource clock;
  private final long windowMillis;
  private final RequestMetrics metrics;

  public AuditResponder(
      NodeIdentity identity,
      ShardStore shards,
      AuditNonceStore nonces,
      InstantSource clock,
      RequestMetrics metrics) {
    this(identity, shards, nonces, clock, DEFAULT_WINDOW, metrics);
  }

  /** With another freshness window. */
  public AuditResponder(
      NodeIdentity identity,
      ShardStore shards,
      AuditNonceStore nonces,
      InstantSource clock,
      Duration window,
      RequestMetrics metrics) {
    this.identity = Objects.requireNonNull(identity, "identity");
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
   * Decides and, if every check passes, computes and signs the answer.
   *
   * @throws StoreException if the node's database fails (not the challenger's fault)
   */
  public AuditOutcome respond(AuditChallenge challenge) throws StoreException {
    long start = metrics.start();
    String label = "error";
    try {
      AuditOutcome outcome = decide(challenge);
      label = outcome.label();
      return outcome;
    } finally {
      metrics.record(KIND, label, start);
    }
  }

  private AuditOutcome decide(AuditChallenge c) throws StoreException {
    try {
      new AuditParams(AuditParams.MIN_ROUNDS, c.blockSize(), c.blockCount());
    } catch (IllegalArgumentException e) {
      return new AuditOutcome.Invalid(c.cid(), e.getMessage());
    }
    long skew = c.challengeTimeMillis() - clock.millis();
    if (Math.abs(skew) > windowMillis) {
      return new AuditOutcome.Stale(c.cid(), skew, windowMillis);
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
          // The source is an in-memory copy that was just checked: failing to read it is a bug.
          throw new StoreException("reading the checked copy of " + c.cid() + " failed", false, e);
        }
        yield new AuditOutcome.Answered(
            AuditResponse.sign(
                c, Bytes.wrap(hash), clock.millis(), identity.keyPair().privateKey()));
      }
    };
  }
}
