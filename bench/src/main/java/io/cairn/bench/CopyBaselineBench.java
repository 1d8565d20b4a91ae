/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

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
 * The baseline every throughput figure is quoted against: a plain array copy of the same size, in
 * the same JVM and run. Results are in operations per second; multiply by the size for bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CopyBaselineBench {
  @Param({"65536", "1048576"})
  public int size;

  private byte[] src;
  private byte[] dst;

  @Setup
  public void setup() {
    src = new byte[size];
    new SplittableRandom(1).nextBytes(src);
    dst = new byte[size];
  }

  @Benchmark
  public byte[] arrayCopy() {
    System.arraycopy(src, 0, dst, 0, size);
    return dst;
  }
}
