/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.crypto.KdfParams;
import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.engine.internal.UploadRun;
import io.cairn.client.manifest.AuditSampling;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestBuilder;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.pipeline.UploadPipeline;
import io.cairn.client.placement.Placement;
import io.cairn.client.placement.PlacementException;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.trace.Trace;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Uploads a file (DESIGN.md, "Upload"): derives the keys from the password, runs the {@link
 * UploadPipeline} (seal, erasure-code, hash, audit vectors), places each segment's shards with
 * {@link Placement#plan} over the known peers, stores every shard copy on its peer, checks each
 * receipt, and builds the authenticated manifest from the placement actually used.
 *
 * <p><b>Storing.</b> Shards are stored on virtual threads, at most {@link
 * Options#maxShardsInFlight()} at a time over the whole upload; while that many are in flight the
 * pipeline's sink blocks, so memory stays bounded by a few segments whatever the file size. A
 * receipt is accepted only if it is signed by the peer asked, names this shard's CID and size and
 * this client, and is not dated in the future beyond {@link Options#maxClockSkew()}. When a peer
 * fails (unreachable, timeout, refusal, bad receipt) the copy goes to the next fallback of the
 * shard's plan, preferring fallbacks that hold fewest shards of the segment (anti-affinity) and
 * that have not already failed during this upload; every failure is traced ({@code
 * StoreAttemptFailed}) and reported. Peers that were unreachable, timed out or were full are
 * deprioritised when the following segments are placed.
 *
 * <p><b>Failure.</b> If no candidate takes some shard, the upload stops and throws an {@link
 * UploadException} naming the shard and every attempt; no manifest is produced. A shard with
 * several replicas is kept as long as one copy was stored (the report counts the shortfall).
 *
 * <p>Thread-safe: one engine may run several uploads at once.
 */
public final class UploadEngine {

  /**
   * The Argon2id cost of the password key (the salt is fresh for every upload).
   *
   * @param memoryKiB memory in KiB
   * @param iterations passes
   * @param parallelism lanes
   */
  public record KdfCost(int memoryKiB, int iterations, int parallelism) {
    /** DESIGN.md default: m = 64 MiB, t = 3, p = 1. */
    public static final KdfCost DEFAULT =
        new KdfCost(
            KdfParams.DEFAULT_MEMORY_KIB,
            KdfParams.DEFAULT_ITERATIONS,
            KdfParams.DEFAULT_PARALLELISM);

    /** The cheapest cost allowed (8 KiB, one pass): for tests only, it protects nothing. */
    public static final KdfCost INSECURE_FOR_TESTS =
        new KdfCost(KdfParams.MIN_MEMORY_KIB, KdfParams.MIN_ITERATIONS, KdfParams.MIN_PARALLELISM);

    public KdfCost {
      // KdfParams checks the same ranges; fail here, when the options are made.
      KdfParams.of(Bytes.wrap(new byte[KdfParams.SALT_SIZE]), memoryKiB, iterations, parallelism);
    }
  }

  /**
   * What the manifest records about the file, if anything.
   *
   * @param name the original file name (never a trusted path)
   * @param contentType a media type
   */
  public record FileInfo(Optional<String> name, Optional<String> contentType) {
    public static final FileInfo NONE = new FileInfo(Optional.empty(), Optional.empty());

    public FileInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(contentType, "contentType");
    }

    /** Either may be {@code null}. */
    public static FileInfo of(String name, String contentType) {
      return new FileInfo(Optional.ofNullable(name), Optional.ofNullable(contentType));
    }
  }

  /**
   * @param pipeline segment size, erasure code, audit rounds, encoding threads
   * @param maxShardsInFlight shard stores outstanding at once over the whole upload, 1..4096
   * @param kdf the Argon2id cost
   * @param maxClockSkew how far in the future a receipt may be dated, 0 to 1 day
   * @param clock the manifest's creation time, receipt time checks, observation times
   */
  public record Options(
      UploadPipeline.Options pipeline,
      int maxShardsInFlight,
      KdfCost kdf,
      Duration maxClockSkew,
      InstantSource clock) {
    public static final int DEFAULT_MAX_SHARDS_IN_FLIGHT = 16;
    public static final int MAX_SHARDS_IN_FLIGHT = 4096;
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    public Options {
      Objects.requireNonNull(pipeline, "pipeline");
      if (maxShardsInFlight < 1 || maxShardsInFlight > MAX_SHARDS_IN_FLIGHT) {
        throw new IllegalArgumentException(
            "maxShardsInFlight must be in 1.."
                + MAX_SHARDS_IN_FLIGHT
                + ", got "
                + maxShardsInFlight);
      }
      Objects.requireNonNull(kdf, "kdf");
      Objects.requireNonNull(maxClockSkew, "maxClockSkew");
      if (maxClockSkew.isNegative()) {
        throw new IllegalArgumentException(
            "maxClockSkew must not be negative, got " + maxClockSkew);
      }
      Objects.requireNonNull(clock, "clock");
    }

    /** Pipeline defaults, 16 shards in flight, the default KDF cost, 5 minutes of skew. */
    public static Options defaults() {
      return new Options(
          UploadPipeline.Options.defaults(),
          DEFAULT_MAX_SHARDS_IN_FLIGHT,
          KdfCost.DEFAULT,
          DEFAULT_MAX_CLOCK_SKEW,
          InstantSource.system());
    }

    public Options withPipeline(UploadPipeline.Options p) {
      return new Options(p, maxShardsInFlight, kdf, maxClockSkew, clock);
    }

    public Options withMaxShardsInFlight(int n) {
      return new Options(pipeline, n, kdf, maxClockSkew, clock);
    }

    public Options withKdf(KdfCost cost) {
      return new Options(pipeline, maxShardsInFlight, cost, maxClockSkew, clock);
    }

    public Options withMaxClockSkew(Duration skew) {
      return new Options(pipeline, maxShardsInFlight, kdf, skew, clock);
    }

    public Options withClock(InstantSource c) {
      return new Options(pipeline, maxShardsInFlight, kdf, maxClockSkew, c);
    }
  }

  /**
   * A finished upload.
   *
   * @param manifest the authenticated manifest (encode it with {@code ManifestCodec.encode})
   * @param report what happened
   */
  public record Result(Manifest manifest, UploadReport report) {
    public Result {
      Objects.requireNonNull(manifest, "manifest");
      Objects.requireNonNull(report, "report");
    }
  }

  private final ShardTransport transport;
  private final PeerDirectory directory;
  private final Options options;
  private final SecureRandom random;
  private final EngineListener listener;

  /**
   * @param random salts, file ids and audit nonces; must be cryptographically strong
   * @param listener receives one observation per store exchange
   */
  public UploadEngine(
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

  public Options options() {
    return options;
  }

  /**
   * Uploads all of {@code in}.
   *
   * @param password the password the manifest's keys derive from; not kept
   * @param policy the placement rules (replicas, the sentinel's excluded and deprioritised peers)
   * @param info what the manifest records about the file
   * @param trace receives placement decisions, failed attempts and stored copies
   * @return the manifest and the report
   * @throws UploadException if no eligible peer is known, no peer accepts some shard, or the
   *     manifest cannot be built (a limit); no manifest is produced
   * @throws IOException if reading {@code in} fails
   */
  public Result upload(
      InputStream in, char[] password, PlacementPolicy policy, FileInfo info, Trace trace)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(trace, "trace");
    long start = System.nanoTime();
    Map<PeerId, PeerRef> peers = new LinkedHashMap<>();
    for (PeerRef p : directory.peers()) {
      peers.putIfAbsent(p.id(), p);
    }
    try {
      Placement.plan(List.of(), peers.keySet(), policy);
    } catch (PlacementException e) {
      throw new UploadException(e.getMessage(), e);
    }
    UploadPipeline.Options p = options.pipeline();
    KdfCost cost = options.kdf();
    KdfParams kdf =
        KdfParams.fresh(random, cost.memoryKiB(), cost.iterations(), cost.parallelism());
    Bytes fileId = KeySchedule.newFileId(random);
    ManifestBuilder builder =
        new ManifestBuilder()
            .kdf(kdf)
            .fileId(fileId)
            .segmentSize(p.segmentSize())
            .erasure(p.k(), p.m())
            .createdAt(options.clock().instant())
            .auditSampling(AuditSampling.of(p.audit()))
            .fileName(info.name().orElse(null))
            .contentType(info.contentType().orElse(null));
    long kdfStart = System.nanoTime();
    try (RootKey root = KeySchedule.deriveRoot(password, kdf)) {
      Duration keyDerivation = Duration.ofNanos(System.nanoTime() - kdfStart);
      UploadRun run =
          new UploadRun(
              transport,
              peers,
              policy,
              options.maxShardsInFlight(),
              options.maxClockSkew().toMillis(),
              options.clock(),
              listener,
              trace,
              builder);
      long size;
      Manifest manifest;
      boolean done = false;
      try {
        try (SegmentCipher cipher = root.segmentCipher(fileId);
            run) {
          size = new UploadPipeline(p, random).run(in, cipher, run::accept);
          run.finish();
        }
        builder.fileSize(size);
        try (ManifestKeys keys = ManifestKeys.from(root)) {
          manifest = builder.build(keys);
        } catch (ManifestException e) {
          throw new UploadException("the manifest cannot be built: " + e.getMessage(), e);
        }
        done = true;
      } finally {
        release(run, !done);
      }
      return new Result(
          manifest, run.report(size, keyDerivation, Duration.ofNanos(System.nanoTime() - start)));
    }
  }

  /** How long a failed upload spends deleting the copies it stored. */
  public static final Duration RELEASE_BUDGET = Duration.ofSeconds(10);

  /** How long a successful upload waits on deleting stray copies (from slow or lying nodes). */
  public static final Duration STRAY_RELEASE_BUDGET = Duration.ofSeconds(3);

  /**
   * Deletes what no manifest will name: after a failure every copy stored, else only copies outside
   * the placement (bad receipts, answers lost to timeouts), so that nodes do not keep paying quota
   * for them. Best effort within {@link #RELEASE_BUDGET} (after a failure) or {@link
   * #STRAY_RELEASE_BUDGET}; the trace records each outcome.
   */
  private static void release(UploadRun run, boolean failed) {
    try {
      run.release(failed, failed ? RELEASE_BUDGET : STRAY_RELEASE_BUDGET);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // Cleanup must not hide the upload's own outcome.
    }
  }
}
