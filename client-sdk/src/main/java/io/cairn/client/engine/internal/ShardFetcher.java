/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine.internal;

import io.cairn.client.engine.EngineListener;
import io.cairn.client.engine.FailedAttempt;
import io.cairn.client.engine.NodeObservation;
import io.cairn.client.engine.PeerRef;
import io.cairn.client.engine.RetrievedShard;
import io.cairn.client.engine.ShardTransport;
import io.cairn.client.engine.TransportException;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.pipeline.ShardSource;
import io.cairn.client.pipeline.VerifiedShard;
import io.cairn.client.placement.Placement;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.RetrieveRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The retrieve engine's {@link ShardSource}: fetches a shard from the peers of its placement in
 * order, then from its deterministic fallbacks (its rendezvous ranking over the known peers, those
 * already asked left out, at most {@code maxFallbacks}), and returns the first copy whose retrieval
 * proof and CID check out.
 *
 * <p><b>Prefetch.</b> The first time the pipeline asks for a shard of a segment, the fetcher starts
 * fetching the segment's first k shards at once on virtual threads, since network latency, not
 * bandwidth, usually dominates; whenever one of them fails for good it starts the next shard of the
 * segment, so k fetches stay under way until the pipeline has what it needs. The pipeline takes
 * shards in index order, so it consumes what was started; anything left is cancelled by {@link
 * #close()}.
 */
public final class ShardFetcher implements ShardSource, AutoCloseable {
  private final Manifest manifest;
  private final ShardTransport transport;
  private final Map<PeerId, PeerRef> peers;
  private final int maxFallbacks;
  private final boolean prefetch;
  private final SecureRandom random;
  private final InstantSource clock;
  private final EngineListener listener;
  private final Trace trace;
  private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<Long, Future<VerifiedShard>> started = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> nextToStart = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<FailedAttempt> failures = new ConcurrentLinkedQueue<>();
  private final Map<PeerId, Integer> servedBy = new HashMap<>();
  private final AtomicInteger fetched = new AtomicInteger();
  private final AtomicInteger fallbacksUsed = new AtomicInteger();

  public ShardFetcher(
      Manifest manifest,
      ShardTransport transport,
      Map<PeerId, PeerRef> peers,
      int maxFallbacks,
      boolean prefetch,
      SecureRandom random,
      InstantSource clock,
      EngineListener listener,
      Trace trace) {
    this.manifest = manifest;
    this.transport = transport;
    this.peers = Map.copyOf(peers);
    this.maxFallbacks = maxFallbacks;
    this.prefetch = prefetch;
    this.random = random;
    this.clock = clock;
    this.listener = listener;
    this.trace = trace;
  }

  @Override
  public VerifiedShard fetch(ShardEntry entry) throws IOException {
    if (prefetch) {
      AtomicInteger next = nextToStart.get(entry.segment());
      if (next == null) {
        AtomicInteger fresh = new AtomicInteger(manifest.k());
        next = nextToStart.putIfAbsent(entry.segment(), fresh);
        if (next == null) {
          next = fresh;
          for (int i = 0; i < manifest.k(); i++) {
            start(manifest.shard(entry.segment(), i));
          }
        }
      }
      Future<VerifiedShard> f = started.remove(key(entry));
      if (f != null) {
        return await(f, entry);
      }
      // Not started ahead: fetch it here, and count it so prefetching does not repeat it.
      next.accumulateAndGet(entry.index() + 1, Math::max);
    }
    return fetchNow(entry);
  }

  private void start(ShardEntry entry) {
    started.put(
        key(entry),
        io.submit(
            () -> {
              try {
                return fetchNow(entry);
              } catch (IOException e) {
                startNext(entry.segment());
                throw e;
              }
            }));
  }

  /** A started fetch failed for good: keep k under way by starting the segment's next shard. */
  private void startNext(int segment) {
    AtomicInteger next = nextToStart.get(segment);
    int i = next.getAndIncrement();
    if (i < manifest.shardsPerSegment()) {
      start(manifest.shard(segment, i));
    }
  }

  private static VerifiedShard await(Future<VerifiedShard> f, ShardEntry entry) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching " + describe(entry));
    } catch (CancellationException e) {
      throw new IOException("fetch of " + describe(entry) + " was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /**
   * Fallback peers (outside the placement) that may answer NOT_FOUND before the shard is given up
   * on. A shard moved by a repair goes to the first peers of its ranking, so when those do not hold
   * it the rest are very unlikely to, and rebuilding from parity is cheaper than asking them all.
   */
  static final int MAX_FALLBACK_MISSES = 2;

  /** Asks the candidates in turn until one serves a verified copy. */
  VerifiedShard fetchNow(ShardEntry entry) throws IOException {
    Cid cid = entry.cid();
    Set<PeerId> asked = new HashSet<>();
    Set<PeerId> holders = new HashSet<>(entry.placement());
    int attempt = 0;
    String last = "no peer holds it";
    List<PeerId> candidates = new ArrayList<>(new LinkedHashSet<>(entry.placement()));
    boolean fallbacksAdded = false;
    int fallbackMisses = 0;
    for (int c = 0; ; c++) {
      if (c == candidates.size()) {
        if (fallbacksAdded) {
          break;
        }
        fallbacksAdded = true;
        int added = 0;
        for (PeerId p : Placement.rank(cid, peers.keySet())) {
          if (added == maxFallbacks) {
            break;
          }
          if (!asked.contains(p)) {
            candidates.add(p);
            added++;
          }
        }
        if (c == candidates.size()) {
          break;
        }
      }
      PeerId peer = candidates.get(c);
      asked.add(peer);
      attempt++;
      Fetch result;
      try {
        result = fetchFrom(entry, peer, holders.contains(peer), attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while fetching " + describe(entry));
      }
      if (result.shard() != null) {
        fetched.incrementAndGet();
        synchronized (servedBy) {
          servedBy.merge(peer, 1, Integer::sum);
        }
        if (attempt > 1) {
          fallbacksUsed.incrementAndGet();
          trace.record(
              new TraceEvent.ShardFetched(
                  entry.segment(), entry.index(), cid, peer, attempt, holders.contains(peer)));
        }
        return result.shard();
      }
      last = peer + ": " + result.verdict().explain();
      if (!holders.contains(peer)
          && result.verdict().outcome() == NodeObservation.Outcome.NOT_FOUND
          && ++fallbackMisses >= MAX_FALLBACK_MISSES) {
        break;
      }
    }
    throw new IOException(
        "no good copy of "
            + describe(entry)
            + " from "
            + attempt
            + (attempt == 1 ? " peer" : " peers")
            + (attempt == 0 ? "" : "; last: " + last));
  }

  /** One exchange's result: the verified shard, or {@code null} and why not. */
  private record Fetch(VerifiedShard shard, Verdict verdict) {}

  /** One exchange: the verified shard, or none after recording why not. */
  private Fetch fetchFrom(ShardEntry entry, PeerId peer, boolean holder, int attempt)
      throws InterruptedException {
    Cid cid = entry.cid();
    RetrieveRequest request = RetrieveRequest.of(cid, random);
    long t0 = System.nanoTime();
    Verdict verdict;
    VerifiedShard shard = null;
    boolean rejected = false;
    try {
      RetrievedShard got = transport.retrieve(peers.getOrDefault(peer, PeerRef.of(peer)), request);
      verdict = AnswerChecks.proof(got.response().proof(), request, peer);
      rejected = !verdict.ok();
      if (verdict.ok() && got.bytes().length != entry.size()) {
        verdict =
            Verdict.of(
                NodeObservation.Outcome.CORRUPT_DATA,
                "served "
                    + got.bytes().length
                    + " bytes under a proof for the "
                    + entry.size()
                    + "-byte shard");
        rejected = true;
      } else if (verdict.ok()) {
        Optional<VerifiedShard> v = VerifiedShard.verify(cid, got.bytes());
        if (v.isPresent()) {
          shard = v.get();
        } else {
          verdict =
              Verdict.of(
                  NodeObservation.Outcome.CORRUPT_DATA,
                  "CID mismatch: the bytes served do not hash to the CID the proof vouches for");
          rejected = true;
        }
      }
    } catch (TransportException e) {
      verdict = Verdict.of(e);
    }
    long latency = (System.nanoTime() - t0) / 1_000_000;
    listener.observed(
        new NodeObservation(
            peer,
            NodeObservation.Operation.RETRIEVE,
            cid,
            verdict.outcome(),
            verdict.refusal(),
            holder,
            clock.millis(),
            latency,
            verdict.detail()));
    if (shard != null) {
      return new Fetch(shard, verdict);
    }
    failures.add(
        new FailedAttempt(
            entry.segment(),
            entry.index(),
            cid,
            peer,
            verdict.outcome(),
            verdict.refusal(),
            verdict.detail()));
    if (rejected) {
      trace.record(
          new TraceEvent.ShardRejected(
              entry.segment(), entry.index(), cid, peer.toString(), verdict.explain()));
    } else {
      trace.record(
          new TraceEvent.FetchAttemptFailed(
              entry.segment(), entry.index(), cid, peer, attempt, verdict.explain()));
    }
    return new Fetch(null, verdict);
  }

  public int fetched() {
    return fetched.get();
  }

  public int fallbacksUsed() {
    return fallbacksUsed.get();
  }

  public Map<PeerId, Integer> servedBy() {
    synchronized (servedBy) {
      return Map.copyOf(servedBy);
    }
  }

  public List<FailedAttempt> failures() {
    return new ArrayList<>(failures);
  }

  /** Cancels fetches still under way and waits for them to end. */
  @Override
  public void close() {
    for (Future<VerifiedShard> f : started.values()) {
      f.cancel(true);
    }
    started.clear();
    io.shutdownNow();
    io.close();
  }

  private static long key(ShardEntry e) {
    return ((long) e.segment() << 16) | e.index();
  }

  private static String describe(ShardEntry e) {
    return "shard (segment " + e.segment() + ", index " + e.index() + ") " + e.cid();
  }
}
