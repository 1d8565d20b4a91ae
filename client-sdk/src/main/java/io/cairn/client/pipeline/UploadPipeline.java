/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.crypto.Segmenter;
import io.cairn.client.erasure.ErasureCoder;
import io.cairn.client.erasure.ErasureCoders;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The client's upload pipeline without the network (DESIGN.md, "Upload" 2 to 5 and 8): reads a
 * stream in segments, and for each one seals, erasure-codes, hashes and draws audit vectors on
 * {@link Options#threads()} worker threads. Encoded segments reach the sink in file order. Memory
 * stays bounded by about {@code 3 * maxInFlight} segments whatever the input size: the sink's speed
 * is the pipeline's backpressure.
 *
 * <p>Pure: streams in, segments out. The upload engine puts shards on the network from the sink.
 */
public final class UploadPipeline {
  /**
   * @param segmentSize plaintext bytes per segment
   * @param k data shards per segment
   * @param m parity shards per segment
   * @param audit audit rounds and sampling per shard
   * @param threads worker threads (1 = one core encodes while the caller reads and sinks)
   */
  public record Options(int segmentSize, int k, int m, AuditParams audit, int threads) {
    public static final int DEFAULT_K = 4;
    public static final int DEFAULT_M = 2;

    public Options {
      Segmenter.checkSegmentSize(segmentSize);
      if (k < 1 || m < 0 || k + m > 256) {
        throw new IllegalArgumentException(
            "need k >= 1, m >= 0 and k + m <= 256, got k=" + k + ", m=" + m);
      }
      Objects.requireNonNull(audit, "audit");
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be in 1..256, got " + threads);
      }
    }

    /** 4 MiB segments, k=4, m=2, 8 audit rounds of 16 blocks of 4 KiB, one worker per core. */
    public static Options defaults() {
      return new Options(
          Segmenter.DEFAULT_SEGMENT_SIZE,
          DEFAULT_K,
          DEFAULT_M,
          AuditParams.DEFAULT,
          Runtime.getRuntime().availableProcessors());
    }

    public Options withErasure(int newK, int newM) {
      return new Options(segmentSize, newK, newM, audit, threads);
    }

    public Options withThreads(int newThreads) {
      return new Options(segmentSize, k, m, audit, newThreads);
    }

    public Options withSegmentSize(int newSegmentSize) {
      return new Options(newSegmentSize, k, m, audit, threads);
    }
  }

  /** Receives encoded segments in file order. */
  public interface SegmentSink {
    void accept(EncodedSegment segment) throws IOException;
  }

  private final Options options;
  private final ErasureCoder coder;
  private final SecureRandom random;

  public UploadPipeline(Options options, SecureRandom random) {
    this.options = Objects.requireNonNull(options, "options");
    this.coder = ErasureCoders.create(options.k(), options.m());
    this.random = Objects.requireNonNull(random, "random");
  }

  public Options options() {
    return options;
  }

  /**
   * Encodes all of {@code in} with {@code cipher} (its file id and content key), giving each
   * segment to {@code sink} in order.
   *
   * @return the number of plaintext bytes read
   */
  public long run(InputStream in, SegmentCipher cipher, SegmentSink sink) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(sink, "sink");
    int inFlight = options.threads() * 2;
    BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(inFlight + 1);
    ThreadLocal<SegmentEncoder> encoders =
        ThreadLocal.withInitial(
            () -> new SegmentEncoder(cipher.copy(), coder, options.audit(), random));
    Segmenter segmenter = new Segmenter(in, options.segmentSize());
    long total = 0;
    int allocated = 0;
    try (OrderedWorkers<EncodedSegment> workers =
        new OrderedWorkers<>(options.threads(), inFlight, "cairn-encode", sink::accept)) {
      while (true) {
        byte[] buffer = buffers.poll();
        if (buffer == null && allocated <= inFlight) {
          buffer = new byte[options.segmentSize()];
          allocated++;
        } else if (buffer == null) {
          buffer = take(buffers);
        }
        Segmenter.Segment segment = segmenter.next(buffer);
        if (segment == null) {
          break;
        }
        total += segment.length();
        byte[] owned = buffer;
        workers.submit(
            () -> {
              try {
                return encoders
                    .get()
                    .encode(segment.index(), segment.isLast(), owned, segment.length());
              } finally {
                buffers.add(owned);
              }
            });
      }
      workers.finish();
    }
    return total;
  }

  private static byte[] take(BlockingQueue<byte[]> buffers) throws IOException {
    try {
      return buffers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for a segment buffer");
    }
  }
}
