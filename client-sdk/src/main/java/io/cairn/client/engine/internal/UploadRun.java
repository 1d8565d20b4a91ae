/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine.internal;

import io.cairn.client.engine.EngineListener;
import io.cairn.client.engine.FailedAttempt;
import io.cairn.client.engine.NodeObservation;
import io.cairn.client.engine.NodeObservation.Outcome;
import io.cairn.client.engine.PeerRef;
import io.cairn.client.engine.Receipts;
import io.cairn.client.engine.ShardTransport;
import io.cairn.client.engine.TransportException;
import io.cairn.client.engine.UploadException;
import io.cairn.client.engine.UploadReport;
import io.cairn.client.manifest.ManifestBuilder;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ShardReceipt;
import io.cairn.client.pipeline.EncodedSegment;
import io.cairn.client.placement.Placement;
import io.cairn.client.placement.PlacementException;
import io.cairn.client.placement.PlacementPlan;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.placement.ShardPlacement;
import io.cairn.client.placement.ShardRef;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One upload's network side: the sink of the upload pipeline. For each encoded segment it plans the
 * placement and starts one virtual thread per shard, at most {@code maxInFlight} at a time (the
 * sink blocks for a permit, which is the pipeline's backpressure). The first shard that no peer
 * takes fails the run: the sink throws at its next call and {@link #close()} interrupts what is
 * still in flight.
 */
public final class UploadRun implements AutoCloseable {
  private final ShardTransport transport;
  private final Map<PeerId, PeerRef> peers;
  private final PlacementPolicy policy;
  private final int maxInFlight;
  private final long maxSkewMillis;
  private final InstantSource clock;
  private final EngineListener listener;
  private final Trace trace;
  private final ManifestBuilder builder;
  private final PeerId self;
  private final Semaphore permits;
  private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private final Set<PeerId> suspects = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<UploadReport.ShardUpload> stored =
      new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<FailedAttempt> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong requestIds = new AtomicLong();

  /** A copy a node may hold: it sent a receipt, good or bad, or the exchange did not finish. */
  private record Held(long segment, int index, Cid cid, PeerId peer) {}

  private final Set<Held> held = ConcurrentHashMap.newKeySet();
  private final Set<Held> kept = ConcurrentHashMap.newKeySet();
  private int segments;

  public UploadRun(
      ShardTransport transport,
      Map<PeerId, PeerRef> peers,
      PlacementPolicy policy,
      int maxInFlight,
      long maxSkewMillis,
      InstantSource clock,
      EngineListener listener,
      Trace trace,
      ManifestBuilder builder) {
    this.transport = transport;
    this.peers = Map.copyOf(peers);
    this.policy = policy;
    this.maxInFlight = maxInFlight;
    this.maxSkewMillis = maxSkewMillis;
    this.clock = clock;
    this.listener = listener;
    this.trace = trace;
    this.builder = builder;
    this.self = transport.localPeer();
    this.permits = new Semaphore(maxInFlight);
  }

  /** The pipeline's sink: places the segment and starts storing its shards. */
  public void accept(EncodedSegment segment) throws IOException {
    throwIfFailed();
    segments++;
    int seg = Math.toIntExact(segment.index());
    List<ShardRef> refs = new ArrayList<>(segment.shardCount());
    for (int i = 0; i < segment.shardCount(); i++) {
      refs.add(new ShardRef(segment.cid(i), seg, i));
    }
    PlacementPlan plan;
    try {
      plan = Placement.plan(refs, peers.keySet(), currentPolicy());
    } catch (PlacementException e) {
      throw new UploadException(e.getMessage(), e);
    }
    SegmentSlots slots = new SegmentSlots(plan, suspects);
    for (ShardPlacement sp : plan.shards()) {
      ShardRef r = sp.shard();
      trace.record(
          new TraceEvent.ShardPlaced(
              r.segment(), r.index(), r.cid(), sp.replicas(), sp.fallbacks(), sp.trace()));
    }
    for (int i = 0; i < segment.shardCount(); i++) {
      acquire();
      if (failure.get() != null) {
        permits.release();
        throwIfFailed();
      }
      int shard = i;
      io.execute(
          () -> {
            try {
              storeShard(segment, shard, slots);
            } catch (InterruptedException e) {
              // The run is being abandoned; its failure is recorded already.
              fail(new InterruptedIOException("store of " + refs.get(shard) + " interrupted"));
            } catch (IOException e) {
              fail(e);
            } catch (RuntimeException | Error e) {
              fail(new UploadException("storing " + refs.get(shard) + " failed: " + e, e));
            } finally {
              permits.release();
            }
          });
    }
  }

  /** Waits for every store to end; throws the run's failure if there was one. */
  public void finish() throws IOException {
    try {
      permits.acquire(maxInFlight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for shard stores");
    }
    permits.release(maxInFlight);
    throwIfFailed();
  }

  /** The report, once {@link #finish()} has returned. */
  public UploadReport report(long fileSize, Duration keyDerivation, Duration elapsed) {
    List<UploadReport.ShardUpload> shards = new ArrayList<>(stored);
    shards.sort(
        Comparator.comparingInt(UploadReport.ShardUpload::segment)
            .thenComparingInt(UploadReport.ShardUpload::index));
    return new UploadReport(
        fileSize, segments, shards, new ArrayList<>(failures), keyDerivation, elapsed);
  }

  /** What {@link #release} did: copies deleted, copies that could not be. */
  public record Released(int deleted, int failed) {}

  /**
   * Deletes the copies this run stored that no manifest will name: all of them after a failed run
   * ({@code all}), else those outside the final placement (a receipt that failed its checks, an
   * answer lost to a timeout). Runs after {@link #close()}, in parallel, for at most {@code
   * budget}; each outcome is a {@link TraceEvent.ShardReleased}.
   */
  public Released release(boolean all, java.time.Duration budget) throws InterruptedException {
    List<Held> todo = new ArrayList<>();
    for (Held h : held) {
      if (all || !kept.contains(h)) {
        todo.add(h);
      }
    }
    if (todo.isEmpty()) {
      return new Released(0, 0);
    }
    AtomicInteger deleted = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Semaphore lanes = new Semaphore(maxInFlight);
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> calls = new ArrayList<>();
      for (Held h : todo) {
        calls.add(
            ex.submit(
                () -> {
                  String detail = "";
                  boolean ok = false;
                  try {
                    lanes.acquire();
                    try {
                      transport.delete(peers.getOrDefault(h.peer(), PeerRef.of(h.peer())), h.cid());
                      ok = true;
                    } finally {
                      lanes.release();
                    }
                  } catch (TransportException e) {
                    detail = e.getMessage();
                  } catch (InterruptedException e) {
                    detail = "gave up after " + budget.toSeconds() + " s";
                  }
                  (ok ? deleted : failed).incrementAndGet();
                  trace.record(
                      new TraceEvent.ShardReleased(
                          h.segment(), h.index(), h.cid(), h.peer(), ok, detail));
                  return null;
                }));
      }
      long deadline = System.nanoTime() + budget.toNanos();
      for (Future<?> f : calls) {
        try {
          f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
          break;
        }
      }
      ex.shutdownNow(); // what is left is interrupted and counted as failed
    }
    return new Released(deleted.get(), failed.get());
  }

  /** Interrupts and waits for whatever is still in flight. */
  @Override
  public void close() {
    io.shutdownNow();
    io.close();
  }

  private PlacementPolicy currentPolicy() {
    if (suspects.isEmpty()) {
      return policy;
    }
    Set<PeerId> deprioritised = new HashSet<>(policy.deprioritised());
    deprioritised.addAll(suspects);
    return policy.withDeprioritised(deprioritised);
  }

  private void acquire() throws InterruptedIOException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a store slot");
    }
  }

  private void fail(IOException e) {
    failure.compareAndSet(null, e);
  }

  private void throwIfFailed() throws IOException {
    IOException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  /** Stores every copy of one shard, falling back as needed, and adds it to the manifest. */
  private void storeShard(EncodedSegment segment, int index, SegmentSlots slots)
      throws IOException, InterruptedException {
    ShardPlacement sp = slots.shard(index);
    int copies = sp.replicas().size();
    Copy[] result = new Copy[copies];
    List<FailedAttempt> shardFailures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger attempts = new AtomicInteger();
    if (copies == 1) {
      result[0] = storeCopy(segment, index, 0, slots, attempts, shardFailures);
    } else {
      List<Future<Copy>> others = new ArrayList<>(copies - 1);
      try {
        for (int c = 1; c < copies; c++) {
          int slot = c;
          others.add(
              io.submit(() -> storeCopy(segment, index, slot, slots, attempts, shardFailures)));
        }
        result[0] = storeCopy(segment, index, 0, slots, attempts, shardFailures);
        for (int c = 1; c < copies; c++) {
          result[c] = others.get(c - 1).get();
        }
      } catch (ExecutionException e) {
        throw new UploadException("storing a copy of " + sp.shard() + " failed", e.getCause());
      } finally {
        for (Future<Copy> f : others) {
          f.cancel(true);
        }
      }
    }
    List<PeerId> placement = new ArrayList<>(copies);
    List<ShardReceipt> receipts = new ArrayList<>(copies);
    for (Copy c : result) {
      if (c != null) {
        placement.add(c.peer());
        receipts.add(Receipts.toManifest(c.receipt()));
      }
    }
    if (placement.isEmpty()) {
      throw new UploadException(sp.shard(), new ArrayList<>(shardFailures));
    }
    for (PeerId p : placement) {
      kept.add(new Held(segment.index(), index, segment.cid(index), p));
    }
    try {
      builder.addShard(segment.shardEntry(index, placement, receipts));
    } catch (ManifestException e) {
      throw new UploadException("shard " + sp.shard() + ": " + e.getMessage(), e);
    }
    stored.add(
        new UploadReport.ShardUpload(
            sp.shard().segment(),
            index,
            segment.cid(index),
            segment.shardSize(),
            sp.replicas(),
            placement,
            attempts.get(),
            sp.shortfall() + copies - placement.size()));
  }

  private record Copy(PeerId peer, StoreReceipt receipt) {}

  /** One copy: the plan's peer for this slot, then fallbacks until one accepts or none is left. */
  private Copy storeCopy(
      EncodedSegment segment,
      int index,
      int slot,
      SegmentSlots slots,
      AtomicInteger attempts,
      List<FailedAttempt> shardFailures)
      throws InterruptedException {
    ShardPlacement sp = slots.shard(index);
    PeerId peer = sp.replicas().get(slot);
    int attempt = 0;
    while (peer != null) {
      attempt++;
      attempts.incrementAndGet();
      boolean planned = sp.replicas().contains(peer);
      StoreReceipt receipt = storeOnce(segment, index, peer, planned, attempt, shardFailures);
      if (receipt != null) {
        trace.record(
            new TraceEvent.ShardStored(
                segment.index(), index, segment.cid(index), peer, attempt, !planned));
        return new Copy(peer, receipt);
      }
      slots.failed(peer);
      peer = slots.next(index);
    }
    return null;
  }

  /** One store exchange: the receipt if it checks out, else {@code null} (and it is recorded). */
  private StoreReceipt storeOnce(
      EncodedSegment segment,
      int index,
      PeerId peer,
      boolean planned,
      int attempt,
      List<FailedAttempt> shardFailures)
      throws InterruptedException {
    Cid cid = segment.cid(index);
    byte[] shard = segment.shard(index);
    PeerRef ref = peers.getOrDefault(peer, PeerRef.of(peer));
    StoreRequest request = new StoreRequest(cid, shard.length, requestIds.incrementAndGet());
    long t0 = System.nanoTime();
    StoreReceipt receipt = null;
    Verdict verdict;
    // Counted as held from the first byte sent: a store interrupted when the run fails may still
    // have landed, and release() then deletes it (a delete of a copy never stored is harmless).
    Held h = new Held(segment.index(), index, cid, peer);
    held.add(h);
    try {
      receipt = transport.store(ref, request, shard, 0, shard.length);
      verdict =
          AnswerChecks.receipt(
              receipt, peer, cid, shard.length, self, clock.millis(), maxSkewMillis);
    } catch (TransportException e) {
      verdict = Verdict.of(e);
    }
    long latency = (System.nanoTime() - t0) / 1_000_000;
    listener.observed(
        new NodeObservation(
            peer,
            NodeObservation.Operation.STORE,
            cid,
            verdict.outcome(),
            verdict.refusal(),
            planned,
            clock.millis(),
            latency,
            verdict.detail()));
    if (verdict.ok()) {
      return receipt;
    }
    if (verdict.outcome() == Outcome.UNREACHABLE
        || verdict.outcome() == Outcome.REFUSED
        || verdict.outcome() == Outcome.NOT_FOUND) {
      held.remove(h); // refused or never reached: nothing stored. A bad receipt or a lost answer
      // stays: the node may hold the copy anyway.
    }
    FailedAttempt f =
        new FailedAttempt(
            segment.index(),
            index,
            cid,
            peer,
            verdict.outcome(),
            verdict.refusal(),
            verdict.detail());
    failures.add(f);
    shardFailures.add(f);
    trace.record(
        new TraceEvent.StoreAttemptFailed(
            segment.index(), index, cid, peer, attempt, verdict.explain()));
    if (verdict.outcome() == Outcome.UNREACHABLE
        || verdict.outcome() == Outcome.TIMEOUT
        || verdict.refusal().orElse(null) == ErrorCode.QUOTA_EXCEEDED) {
      suspects.add(peer);
    }
    return null;
  }
}
