/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.crypto.SecretBytes;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.pipeline.EncodedSegment;
import io.cairn.client.pipeline.UploadPipeline;
import io.cairn.protocol.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole client upload pipeline without the network: segment, AES-256-GCM seal, Reed-Solomon
 * (k=4, m=2), shard CIDs and 8 audit rounds per shard, over 256 MiB of plaintext, with 1 and 2
 * worker threads; beside a plain copy of the same 256 MiB. Throughput of plaintext = 256 MiB *
 * ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
public class UploadPipelineBench {
  static final int SIZE = 256 << 20;

  @Param({"1", "2"})
  public int threads;

  private byte[] plaintext;
  private byte[] copy;
  private UploadPipeline pipeline;
  private SegmentCipher cipher;

  @Setup
  public void setup() {
    plaintext = new byte[SIZE];
    new SplittableRandom(7).nextBytes(plaintext);
    copy = new byte[SIZE];
    SecureRandom random = new SecureRandom();
    pipeline =
        new UploadPipeline(
            UploadPipeline.Options.defaults().withThreads(threads).withErasure(4, 2), random);
    byte[] fileId = new byte[32];
    random.nextBytes(fileId);
    cipher = new SegmentCipher(SecretBytes.random(32, random), Bytes.wrap(fileId));
    if (!pipeline.options().audit().equals(AuditParams.DEFAULT)) {
      throw new IllegalStateException("benchmark expects the default audit parameters");
    }
  }

  @Benchmark
  public long pipeline(Blackhole bh) throws IOException {
    // The sink keeps nothing: the engine would hand shards to the network here.
    return pipeline.run(
        new ByteArrayInputStream(plaintext), cipher, (EncodedSegment s) -> bh.consume(s));
  }

  @Benchmark
  public byte[] copyBaseline() {
    System.arraycopy(plaintext, 0, copy, 0, SIZE);
    return copy;
  }
}
