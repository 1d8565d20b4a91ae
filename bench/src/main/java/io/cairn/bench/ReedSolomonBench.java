/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import io.cairn.client.erasure.ErasureCoder;
import io.cairn.client.erasure.ErasureCoders;
import java.util.Arrays;
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

/**
 * Reed-Solomon encode and decode, single-threaded, against a plain array copy of the same number of
 * bytes in the same fork.
 *
 * <p>One operation handles one stripe: k data shards of {@code shardSize} bytes. Throughput in
 * bytes/s of data is {@code k * shardSize * ops/s} for all three benchmarks, so their ratio is the
 * ratio of their scores. {@code encode} computes the m parity shards; {@code decode} rebuilds
 * min(m, k) lost data shards (the first ones) from the remaining shards, the retrieval case; {@code
 * arrayCopy} copies the k * shardSize bytes of the stripe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ReedSolomonBench {
  /** k+m. */
  @Param({"4+2", "10+4", "29+51"})
  public String shape;

  @Param({"65536", "1048576"})
  public int shardSize;

  /** {@code vector} (the Vector API kernel at the preferred size) or {@code scalar}. */
  @Param({"vector", "scalar"})
  public String impl;

  private ErasureCoder coder;
  private byte[][] data;
  private byte[][] parity;
  private byte[][] shards;
  private boolean[] present;
  private byte[] copySource;
  private byte[] copyTarget;

  @Setup
  public void setup() {
    String[] km = shape.split("\\+");
    int k = Integer.parseInt(km[0]);
    int m = Integer.parseInt(km[1]);
    coder =
        switch (impl) {
          case "scalar" -> ErasureCoders.scalar(k, m);
          case "vector" ->
              ErasureCoders.vector(k, m)
                  .orElseThrow(
                      () ->
                          new IllegalStateException("run with --add-modules=jdk.incubator.vector"));
          default -> throw new IllegalArgumentException("impl " + impl);
        };
    SplittableRandom random = new SplittableRandom(1);
    data = new byte[k][shardSize];
    for (byte[] shard : data) {
      random.nextBytes(shard);
    }
    parity = new byte[m][shardSize];
    coder.encode(data, parity, 0, shardSize);
    shards = new byte[k + m][];
    for (int i = 0; i < k; i++) {
      shards[i] = data[i].clone();
    }
    for (int p = 0; p < m; p++) {
      shards[k + p] = parity[p].clone();
    }
    present = new boolean[k + m];
    Arrays.fill(present, true);
    Arrays.fill(present, 0, Math.min(m, k), false);
    copySource = new byte[k * shardSize];
    random.nextBytes(copySource);
    copyTarget = new byte[k * shardSize];
  }

  @Benchmark
  public byte[][] encode() {
    coder.encode(data, parity, 0, shardSize);
    return parity;
  }

  @Benchmark
  public byte[][] decode() {
    coder.decode(shards, present, 0, shardSize);
    return shards;
  }

  @Benchmark
  public byte[] arrayCopy() {
    System.arraycopy(copySource, 0, copyTarget, 0, copySource.length);
    return copyTarget;
  }
}
