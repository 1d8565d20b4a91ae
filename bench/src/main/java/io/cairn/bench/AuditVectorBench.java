/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.bench;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.audit.AuditRound;
import io.cairn.client.audit.AuditSampler;
import io.cairn.client.audit.AuditVectors;
import io.cairn.client.audit.BlockSource;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
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
 * The upload-time cost of audit vectors (DESIGN.md, "Upload" step 8): 8 rounds of 16 blocks of 4
 * KiB over one shard, against a SHA-256 of the whole shard (what computing its CID costs anyway)
 * and a plain array copy of it (the baseline). Also one round answered through a {@link
 * BlockSource}, the node's side. Results in operations (shards) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AuditVectorBench {
  @Param({"1048576"})
  public int size;

  private byte[] shard;
  private byte[] copy;
  private SecureRandom rng;
  private MessageDigest sha256;
  private BlockSource source;
  private byte[] nonce;

  @Setup
  public void setup() throws NoSuchAlgorithmException {
    shard = new byte[size];
    new SplittableRandom(1).nextBytes(shard);
    copy = new byte[size];
    rng = new SecureRandom();
    sha256 = MessageDigest.getInstance("SHA-256");
    source = BlockSource.of(shard, 0, size);
    nonce = new byte[AuditSampler.NONCE_LENGTH];
    rng.nextBytes(nonce);
  }

  @Benchmark
  public List<AuditRound> auditVectors8Rounds() {
    return AuditVectors.generate(shard, 0, size, rng, AuditParams.DEFAULT);
  }

  @Benchmark
  public byte[] sha256WholeShard() {
    sha256.update(shard, 0, size);
    return sha256.digest();
  }

  @Benchmark
  public byte[] arrayCopy() {
    System.arraycopy(shard, 0, copy, 0, size);
    return copy;
  }

  @Benchmark
  public byte[] nodeAnswerOneRound() throws IOException {
    return AuditSampler.response(nonce, source, AuditParams.DEFAULT);
  }
}
