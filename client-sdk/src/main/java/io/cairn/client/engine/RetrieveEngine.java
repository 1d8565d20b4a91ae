/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.engine.internal.ShardFetcher;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.pipeline.NotEnoughShardsException;
import io.cairn.client.pipeline.RetrievePipeline;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Restores a file from the network (DESIGN.md, "Retrieve"): opens the manifest with the password,
 * then runs the {@link RetrievePipeline} over a source that fetches each shard from the nodes.
 *
 * <p><b>Where a shard comes from.</b> The peers of the shard's placement in the manifest, in order,
 * then its deterministic fallbacks: the shard's rendezvous ranking over the known peers, those
 * already asked left out, at most {@link Options#maxFallbacks()}. A copy is used only if its
 * retrieval proof is signed by the peer asked, echoes the request's CID and fresh nonce, and
 * vouches for the CID's digest, and the bytes hash to the CID (one SHA-256 pass checks both). Any
 * other answer, a refusal, a timeout or an unreachable peer moves on to the next candidate and is
 * traced ({@code FetchAttemptFailed}, or {@code ShardRejected} with the peer as source), reported
 * and observed; a shard served by a later candidate is traced as {@code ShardFetched}.
 *
 * <p><b>Concurrency.</b> {@link Options#segmentThreads()} segments are worked on at once, and
 * within a segment its first k shards are fetched concurrently on virtual threads (see {@link
 * Options#prefetch()}); memory stays bounded by a few segments.
 *
 * <p>Thread-safe: one engine may run several retrievals at once.
 */
public final class RetrieveEngine {

  /**
   * @param segmentThreads segments worked on at once, 1..1024
   * @param prefetch fetch each segment's first k shards concurrently (else one at a time)
   * @param maxFallbacks deterministic fallback peers asked per shard after its placement, {@code >=
   *     0}
   * @param clock observation times
   */
  public record Options(
      int segmentThreads, boolean prefetch, int maxFallbacks, InstantSource clock) {
    public static final int DEFAULT_SEGMENT_THREADS = 4;

    public Options {
      if (segmentThreads < 1 || segmentThreads > 1024) {
        throw new IllegalArgumentException(
            "segmentThreads must be in 1..1024, got " + segmentThreads);
      }
      if (maxFallbacks < 0) {
        throw new IllegalArgumentException(
            "maxFallbacks must not be negative, got " + maxFallbacks);
      }
      Objects.requireNonNull(clock, "clock");
    }

    /** 4 segments at once, prefetch on, 16 fallbacks per shard, the system clock. */
    public static Options defaults() {
      return new Options(
          DEFAULT_SEGMENT_THREADS,
          true,
          PlacementPolicy.DEFAULT_MAX_FALLBACKS,
          InstantSource.system());
    }

    public Options withSegmentThreads(int n) {
      return new Options(n, prefetch, maxFallbacks, clock);
    }

    public Options withPrefetch(boolean on) {
      return new Options(segmentThreads, on, maxFallbacks, clock);
    }

    public Options withMaxFallbacks(int n) {
      return new Options(segmentThreads, prefetch, n, clock);
    }

    public Options withClock(InstantSource c) {
      return new Options(segmentThreads, prefetch, maxFallbacks, c);
    }
  }

  private final ShardTransport transport;
  private final PeerDirectory directory;
  private final Options options;
  private final SecureRandom random;
  private final EngineListener listener;

  /**
   * @param random request nonces; must be cryptographically strong
   * @param listener receives one observation per retrieve exchange
   */
  public RetrieveEngine(
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
   * Opens {@code manifestBytes} with {@code password} and restores the file to {@code out}.
   *
   * @throws ManifestException if the manifest is refused: {@code WRONG_PASSWORD} and {@code
   *     TAMPERED} (the password is right but the manifest was altered) are told apart, and other
   *     reasons name the failed check; nothing has been written then
   * @throws NotEnoughShardsException if fewer than k good shards of a segment could be had; it
   *     names the segment, and the segments before it have been written
   * @throws IOException if a segment fails authentication or {@code out} fails
   */
  public RetrieveReport retrieve(
      byte[] manifestBytes, char[] password, OutputStream out, Trace trace)
      throws ManifestException, IOException {
    Objects.requireNonNull(manifestBytes, "manifestBytes");
    Objects.requireNonNull(password, "password");
    long start = System.nanoTime();
    RootKey[] root = new RootKey[1];
    try {
      Manifest manifest =
          ManifestCodec.open(
              manifestBytes,
              kdf -> {
                RootKey r = KeySchedule.deriveRoot(password, kdf);
                root[0] = r;
                return ManifestKeys.from(r);
              });
      try (SegmentCipher cipher = root[0].segmentCipher(manifest.fileId())) {
        return run(manifest, cipher, out, trace, start);
      }
    } finally {
      if (root[0] != null) {
        root[0].close();
      }
    }
  }

  /**
   * Restores the file of a manifest that has already been opened ({@code ManifestCodec.open}: this
   * method trusts its CIDs and sizes) with its segment cipher.
   *
   * @throws NotEnoughShardsException as {@link #retrieve(byte[], char[], OutputStream, Trace)}
   * @throws IOException as {@link #retrieve(byte[], char[], OutputStream, Trace)}
   */
  public RetrieveReport retrieve(
      Manifest manifest, SegmentCipher cipher, OutputStream out, Trace trace) throws IOException {
    return run(manifest, cipher, out, trace, System.nanoTime());
  }

  private RetrieveReport run(
      Manifest manifest, SegmentCipher cipher, OutputStream out, Trace trace, long start)
      throws IOException {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(trace, "trace");
    Map<PeerId, PeerRef> peers = new LinkedHashMap<>();
    for (PeerRef p : directory.peers()) {
      peers.putIfAbsent(p.id(), p);
    }
    AtomicInteger reconstructed = new AtomicInteger();
    Trace counting =
        event -> {
          if (event instanceof TraceEvent.SegmentReconstructed) {
            reconstructed.incrementAndGet();
          }
          trace.record(event);
        };
    try (ShardFetcher fetcher =
        new ShardFetcher(
            manifest,
            transport,
            peers,
            options.maxFallbacks(),
            options.prefetch(),
            random,
            options.clock(),
            listener,
            counting)) {
      long written =
          new RetrievePipeline(options.segmentThreads())
              .run(manifest, cipher, fetcher, out, counting);
      return new RetrieveReport(
          written,
          manifest.segmentCount(),
          fetcher.fetched(),
          fetcher.fallbacksUsed(),
          reconstructed.get(),
          fetcher.servedBy(),
          fetcher.failures(),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
