/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
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
 * SHA-256 (shard CIDs, Merkle leaves, audit vectors) of 64 KiB and 1 MiB: the JDK's {@code
 * MessageDigest} (SHA-NI intrinsic where the CPU has it) against BouncyCastle's lightweight {@code
 * SHA256Digest}, beside an array copy of the same size. Results are operations per second; multiply
 * by the size for bytes/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class Sha256Bench {
  @Param({"65536", "1048576"})
  public int size;

  private byte[] data;
  private byte[] copy;
  private byte[] digest;
  private MessageDigest jdk;
  private SHA256Digest bc;

  @Setup
  public void setup() throws NoSuchAlgorithmException {
    data = new byte[size];
    new SplittableRandom(1).nextBytes(data);
    copy = new byte[size];
    digest = new byte[32];
    jdk = MessageDigest.getInstance("SHA-256");
    bc = new SHA256Digest();
  }

  @Benchmark
  public byte[] arrayCopy() {
    System.arraycopy(data, 0, copy, 0, size);
    return copy;
  }

  @Benchmark
  public byte[] jdkSha256() {
    jdk.update(data, 0, size);
    return jdk.digest();
  }

  @Benchmark
  public byte[] bcSha256() {
    bc.update(data, 0, size);
    bc.doFinal(digest, 0);
    return digest;
  }
}
