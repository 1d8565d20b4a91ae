/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.audit.AuditCheck;
import io.cairn.client.audit.AuditRound;
import io.cairn.client.audit.Freshness;
import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.client.engine.internal.AnswerChecks;
import io.cairn.client.engine.internal.Verdict;
import io.cairn.client.manifest.AuditSampling;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Audits the nodes holding a file's shards (DESIGN.md, "Audit").
 *
 * <p>For each selected shard the engine claims the shard's next unspent audit round from the
 * caller's {@link AuditState} (so a round is never challenged twice; the caller saves the state
 * after the run) and sends every peer of the shard's placement the same challenge: the round's
 * nonce, the challenge time on the engine's clock, a fresh request nonce, and the manifest's
 * sampling. An answer passes only if, in this order, it is signed by the peer asked ({@link
 * AuditOutcome#BAD_SIGNATURE}), answers this very challenge: same CID, request nonce and challenge
 * time ({@link AuditOutcome#REPLAYED}), carries the round's expected hash, compared in constant
 * time ({@link AuditOutcome#FAIL}), and is fresh: received within {@link Options#window()} of the
 * challenge and claiming a time within the window of it ({@link AuditOutcome#STALE}). Refusals and
 * transport failures are reported as such. A wrong hash is judged before freshness because it is
 * signed proof whatever the time.
 *
 * <p>Challenges go out concurrently on virtual threads, at most {@link Options#maxInFlight()} at a
 * time. Every outcome is traced ({@code ShardAudited}), reported and observed.
 *
 * <p>Audit needs no password: the manifest's audit rounds are all it uses. Give it a manifest that
 * has been decoded ({@code ManifestCodec.decode}, which checks its hash and Merkle root) or opened.
 */
public final class AuditEngine {

  /**
   * @param window freshness: how late an answer may arrive and how far its claimed time may be from
   *     the challenge time, either way; positive, at most a day
   * @param maxInFlight challenges outstanding at once, 1..4096
   * @param clock challenge and arrival times
   */
  public record Options(Duration window, int maxInFlight, InstantSource clock) {
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;

    public Options {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("window must be in (0, 1 day], got " + window);
      }
      if (maxInFlight < 1 || maxInFlight > 4096) {
        throw new IllegalArgumentException("maxInFlight must be in 1..4096, got " + maxInFlight);
      }
      Objects.requireNonNull(clock, "clock");
    }

    /** A 30-second window, 16 challenges in flight, the system clock. */
    public static Options defaults() {
      return new Options(DEFAULT_WINDOW, DEFAULT_MAX_IN_FLIGHT, InstantSource.system());
    }

    public Options withWindow(Duration w) {
      return new Options(w, maxInFlight, clock);
    }

    public Options withMaxInFlight(int n) {
      return new Options(window, n, clock);
    }

    public Options withClock(InstantSource c) {
      return new Options(window, maxInFlight, c);
    }
  }

  /**
   * Which shards a run audits: all of them, or a random sample of {@code shards} among those that
   * still have an unspent round and a peer to ask. A sample takes shards held by a peer in {@code
   * first} (nodes the sentinel distrusts) before any other, in random order, then fills up
   * uniformly from the rest: suspicion is checked first, everyone is still checked at random.
   *
   * @param sample the sample size; empty for all shards
   * @param first peers whose shards a sample takes first
   */
  public record Selection(OptionalInt sample, Set<PeerId> first) {
    public Selection {
      Objects.requireNonNull(sample, "sample");
      if (sample.isPresent() && sample.getAsInt() < 1) {
        throw new IllegalArgumentException("sample must be at least 1, got " + sample.getAsInt());
      }
      first = Set.copyOf(first);
    }

    public static Selection all() {
      return new Selection(OptionalInt.empty(), Set.of());
    }

    public static Selection sample(int shards) {
      return new Selection(OptionalInt.of(shards), Set.of());
    }

    /** A sample of {@code shards} that takes the shards held by {@code first} before the rest. */
    public static Selection sample(int shards, Set<PeerId> first) {
      return new Selection(OptionalInt.of(shards), first);
    }
  }

  private final ShardTransport transport;
  private final PeerDirectory directory;
  private final Options options;
  private final SecureRandom random;
  private final EngineListener listener;

  /**
   * @param random request nonces and sampling; must be cryptographically strong
   * @param listener receives one observation per challenge
   */
  public AuditEngine(
      ShardTransport transport,
      PeerDirectory directory,
      Options options,
      SecureRandom random,
      EngineListener listener) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.options = Objects.requireNonNull(options, "options");
    this.random = Objects.requireNonNull(random, "random");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Runs one audit.
   *
   * @param state the file's spent rounds; updated here, to be saved by the caller
   * @throws IllegalArgumentException if {@code state} belongs to another file
   * @throws InterruptedException if interrupted; challenges in flight are abandoned (their rounds
   *     stay spent)
   */
  public AuditReport audit(Manifest manifest, AuditState state, Selection selection, Trace trace)
      throws InterruptedException {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(trace, "trace");
    if (!state.fileId().equals(manifest.fileId())) {
      throw new IllegalArgumentException(
          "the audit state belongs to file " + state.fileId() + ", not " + manifest.fileId());
    }
    Instant startedAt = options.clock().instant();
    Map<PeerId, PeerRef> peers = new LinkedHashMap<>();
    for (PeerRef p : directory.peers()) {
      peers.putIfAbsent(p.id(), p);
    }
    List<ShardEntry> chosen = select(manifest, state, selection);
    Semaphore permits = new Semaphore(options.maxInFlight());
    List<Pending> audits = new ArrayList<>(chosen.size());
    try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
      try {
        for (ShardEntry entry : chosen) {
          audits.add(start(entry, manifest.auditSampling(), state, peers, permits, io, trace));
        }
        List<AuditReport.ShardAudit> shards = new ArrayList<>(audits.size());
        for (Pending a : audits) {
          shards.add(a.finish());
        }
        return new AuditReport(startedAt, shards);
      } finally {
        io.shutdownNow();
      }
    }
  }

  private List<ShardEntry> select(Manifest manifest, AuditState state, Selection selection) {
    if (selection.sample().isEmpty()) {
      return manifest.shards();
    }
    List<ShardEntry> suspect = new ArrayList<>();
    List<ShardEntry> rest = new ArrayList<>();
    for (ShardEntry e : manifest.shards()) {
      if (!e.placement().isEmpty() && state.remaining(e) > 0) {
        boolean held = false;
        for (PeerId p : e.placement()) {
          held |= selection.first().contains(p);
        }
        (held ? suspect : rest).add(e);
      }
    }
    int n = selection.sample().getAsInt();
    List<ShardEntry> sample = new ArrayList<>(Math.min(n, suspect.size() + rest.size()));
    sample.addAll(uniform(suspect, Math.min(n, suspect.size())));
    sample.addAll(uniform(rest, Math.min(n - sample.size(), rest.size())));
    sample.sort(
        (a, b) ->
            a.segment() != b.segment()
                ? Integer.compare(a.segment(), b.segment())
                : Integer.compare(a.index(), b.index()));
    return sample;
  }

  /**
   * A uniform sample of {@code n} of {@code from} (partial Fisher-Yates; reorders {@code from}).
   */
  private List<ShardEntry> uniform(List<ShardEntry> from, int n) {
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(from.size() - i);
      ShardEntry t = from.get(i);
      from.set(i, from.get(j));
      from.set(j, t);
    }
    return from.subList(0, n);
  }

  /** One shard's challenges under way. */
  private record Pending(
      ShardEntry entry, OptionalInt round, List<Future<AuditReport.PeerAudit>> results) {
    AuditReport.ShardAudit finish() throws InterruptedException {
      List<AuditReport.PeerAudit> out = new ArrayList<>(results.size());
      for (Future<AuditReport.PeerAudit> f : results) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
      return new AuditReport.ShardAudit(entry.segment(), entry.index(), entry.cid(), round, out);
    }
  }

  private Pending start(
      ShardEntry entry,
      AuditSampling sampling,
      AuditState state,
      Map<PeerId, PeerRef> peers,
      Semaphore permits,
      ExecutorService io,
      Trace trace)
      throws InterruptedException {
    if (entry.placement().isEmpty()) {
      return new Pending(entry, OptionalInt.empty(), List.of());
    }
    OptionalInt round = state.claimNextRound(entry);
    if (round.isEmpty()) {
      return new Pending(entry, round, List.of());
    }
    AuditRound r = entry.auditRounds().get(round.getAsInt());
    List<Future<AuditReport.PeerAudit>> results = new ArrayList<>(entry.placement().size());
    for (PeerId peer : entry.placement()) {
      permits.acquire();
      try {
        results.add(
            io.submit(
                () -> {
                  try {
                    return challenge(entry, round.getAsInt(), r, sampling, peer, peers, trace);
                  } finally {
                    permits.release();
                  }
                }));
      } catch (RuntimeException e) {
        permits.release();
        throw e;
      }
    }
    return new Pending(entry, round, results);
  }

  private AuditReport.PeerAudit challenge(
      ShardEntry entry,
      int roundIndex,
      AuditRound round,
      AuditSampling sampling,
      PeerId peer,
      Map<PeerId, PeerRef> peers,
      Trace trace)
      throws InterruptedException {
    InstantSource clock = options.clock();
    byte[] requestNonce = new byte[Protocols.NONCE_LENGTH];
    random.nextBytes(requestNonce);
    AuditChallenge challenge =
        new AuditChallenge(
            entry.cid(),
            round.nonce(),
            clock.millis(),
            Bytes.wrap(requestNonce),
            sampling.blockCount(),
            sampling.blockSize());
    long t0 = System.nanoTime();
    AuditOutcome outcome;
    Verdict verdict;
    Freshness freshness = null;
    try {
      AuditResponse response =
          transport.audit(peers.getOrDefault(peer, PeerRef.of(peer)), challenge);
      long now = clock.millis();
      verdict = AnswerChecks.auditResponse(response, challenge, peer);
      if (!verdict.ok()) {
        outcome =
            verdict.outcome() == Outcome.BAD_SIGNATURE
                ? AuditOutcome.BAD_SIGNATURE
                : AuditOutcome.REPLAYED;
      } else if (!AuditCheck.check(round, response.hash().toArray())) {
        outcome = AuditOutcome.FAIL;
        verdict = Verdict.of(Outcome.WRONG_HASH, "the hash is not the round's expected answer");
      } else {
        freshness =
            AuditCheck.fresh(
                challenge.challengeTimeMillis(),
                response.responseTimeMillis(),
                now,
                options.window());
        if (freshness == Freshness.OK) {
          outcome = AuditOutcome.PASS;
        } else {
          outcome = AuditOutcome.STALE;
          verdict = stale(freshness, challenge, response, now);
        }
      }
    } catch (TransportException e) {
      verdict = Verdict.of(e);
      outcome =
          switch (e.kind()) {
            case UNREACHABLE -> AuditOutcome.UNREACHABLE;
            case TIMEOUT -> AuditOutcome.TIMEOUT;
            case PROTOCOL -> AuditOutcome.PROTOCOL_ERROR;
            case REFUSED ->
                verdict.outcome() == Outcome.NOT_FOUND
                    ? AuditOutcome.NOT_FOUND
                    : AuditOutcome.REFUSED;
          };
    }
    long latency = (System.nanoTime() - t0) / 1_000_000;
    listener.observed(
        new NodeObservation(
            peer,
            NodeObservation.Operation.AUDIT,
            entry.cid(),
            verdict.outcome(),
            verdict.refusal(),
            true,
            clock.millis(),
            latency,
            verdict.detail()));
    trace.record(
        new TraceEvent.ShardAudited(
            entry.segment(),
            entry.index(),
            entry.cid(),
            peer,
            roundIndex,
            outcome.name(),
            verdict.ok() ? "" : verdict.explain()));
    return new AuditReport.PeerAudit(
        peer,
        outcome,
        Optional.ofNullable(freshness),
        verdict.refusal(),
        latency,
        verdict.detail());
  }

  private Verdict stale(
      Freshness freshness, AuditChallenge challenge, AuditResponse response, long now) {
    long window = options.window().toMillis();
    return switch (freshness) {
      case STALE ->
          Verdict.of(
              Outcome.STALE,
              "arrived "
                  + (now - challenge.challengeTimeMillis())
                  + " ms after the challenge (window "
                  + window
                  + " ms)");
      case FROM_FUTURE, BEFORE_CHALLENGE ->
          Verdict.of(
              Outcome.BAD_TIME,
              "claims a time "
                  + (response.responseTimeMillis() - challenge.challengeTimeMillis())
                  + " ms from the challenge (window "
                  + window
                  + " ms)");
      case OK -> Verdict.OK;
    };
  }
}
