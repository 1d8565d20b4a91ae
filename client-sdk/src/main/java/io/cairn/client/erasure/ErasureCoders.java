/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure;

import io.cairn.client.erasure.internal.CodingKernel;
import io.cairn.client.erasure.internal.ReedSolomonCoder;
import io.cairn.client.erasure.internal.ScalarKernel;
import io.cairn.client.erasure.internal.VectorSupport;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates {@link ErasureCoder}s and splits segments into shards.
 *
 * <p>Two implementations compute the same bytes: {@code vector}, on the JDK Vector API (needs the
 * JVM option {@code --add-modules=jdk.incubator.vector}), and the portable {@code scalar} one.
 * {@link #create} picks the vector one when it can run. The system property {@value #PROPERTY}
 * ({@code scalar} or {@code vector}) forces a choice, and {@value #BITS_PROPERTY} ({@code 128},
 * {@code 256} or {@code 512}) the vector size.
 */
public final class ErasureCoders {
  /**
   * System property choosing the implementation: {@code scalar}, {@code vector} or {@code auto}.
   */
  public static final String PROPERTY = "cairn.erasure";

  /** System property choosing the vector size in bits; default the machine's preferred size. */
  public static final String BITS_PROPERTY = "cairn.erasure.vectorBits";

  private ErasureCoders() {}

  /**
   * The fastest available coder for k data and m parity shards (see the class comment for the
   * properties that override the choice).
   *
   * @throws IllegalArgumentException unless {@code k >= 1}, {@code m >= 0} and {@code k + m <= 256}
   * @throws IllegalStateException if {@value #PROPERTY} has an unknown value or asks for {@code
   *     vector} where it cannot run, or {@value #BITS_PROPERTY} is not a usable vector size
   */
  public static ErasureCoder create(int k, int m) {
    return switch (choice()) {
      case "scalar" -> scalar(k, m);
      case "vector" ->
          vector(k, m)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          PROPERTY
                              + "=vector, but the vector implementation is unavailable: "
                              + VectorSupport.unavailableReason().orElse("unknown reason")));
      default -> vector(k, m).orElseGet(() -> scalar(k, m));
    };
  }

  /** The portable implementation, which runs everywhere. */
  public static ErasureCoder scalar(int k, int m) {
    return new ReedSolomonCoder(k, m, ScalarKernel::new, "scalar");
  }

  /**
   * The Vector API implementation, or empty when the JVM lacks the module {@code
   * jdk.incubator.vector} or usable vectors.
   *
   * @throws IllegalStateException if {@value #BITS_PROPERTY} is not a usable vector size
   */
  public static Optional<ErasureCoder> vector(int k, int m) {
    return vector(k, m, vectorBits());
  }

  /**
   * The Vector API implementation with vectors of {@code bits} bits (128, 256 or 512; 0 for the
   * preferred size), or empty when it cannot run.
   *
   * @throws IllegalArgumentException if {@code bits} is not 0, 128, 256 or 512, or is wider than
   *     this machine's vectors (which would run as slow generic Java code)
   */
  public static Optional<ErasureCoder> vector(int k, int m, int bits) {
    Optional<CodingKernel.Factory> factory = VectorSupport.factory(bits);
    if (factory.isEmpty()) {
      return Optional.empty();
    }
    String name = "vector-" + VectorSupport.resolveBits(bits);
    return Optional.of(new ReedSolomonCoder(k, m, factory.get(), name));
  }

  /**
   * The implementation {@link #create} uses: {@code "scalar"} or {@code "vector-<bits>"}, e.g.
   * {@code "vector-512"}.
   *
   * @throws IllegalStateException as {@link #create} does
   */
  public static String implementationName() {
    return create(1, 0).implementationName();
  }

  /**
   * The size of each of the k shards of a segment of {@code segmentLength} bytes: {@code
   * ceil(segmentLength / k)}.
   */
  public static int shardSize(int segmentLength, int k) {
    if (segmentLength < 0 || k < 1) {
      throw new IllegalArgumentException(
          "need segmentLength >= 0 and k >= 1, got segmentLength=" + segmentLength + ", k=" + k);
    }
    return segmentLength / k + (segmentLength % k == 0 ? 0 : 1);
  }

  /**
   * Splits the first {@code length} bytes of {@code segment} into k data shards of {@link
   * #shardSize} bytes each, the last padded with zeros, followed by m zeroed parity shards.
   */
  public static byte[][] split(byte[] segment, int length, int k, int m) {
    Objects.requireNonNull(segment, "segment");
    if (length < 0 || length > segment.length) {
      throw new IllegalArgumentException(
          "length " + length + " outside the segment of " + segment.length + " bytes");
    }
    if (m < 0 || k + m > 256) {
      throw new IllegalArgumentException(
          "need k >= 1, m >= 0 and k + m <= 256, got k=" + k + ", m=" + m);
    }
    int size = shardSize(length, k);
    byte[][] shards = new byte[k + m][size];
    for (int i = 0, at = 0; i < k && at < length; i++, at += size) {
      System.arraycopy(segment, at, shards[i], 0, Math.min(size, length - at));
    }
    return shards;
  }

  /**
   * Splits the first {@code length} bytes of {@code segment} with {@link #split} and computes the
   * parity: the k + m shards, each {@link #shardSize} bytes.
   */
  public static byte[][] encodeSegment(ErasureCoder coder, byte[] segment, int length) {
    int k = coder.dataShards();
    int m = coder.parityShards();
    byte[][] shards = split(segment, length, k, m);
    byte[][] data = new byte[k][];
    byte[][] parity = new byte[m][];
    System.arraycopy(shards, 0, data, 0, k);
    System.arraycopy(shards, k, parity, 0, m);
    coder.encode(data, parity, 0, shards[0].length);
    return shards;
  }

  /**
   * Concatenates the data shards (the first k of {@code shards}) and drops the padding: the inverse
   * of {@link #split} for a segment of {@code length} bytes.
   *
   * @throws IllegalArgumentException if a data shard is null or too short for {@code length}
   */
  public static byte[] join(byte[][] shards, int k, int length) {
    byte[] segment = new byte[length];
    join(shards, k, segment, length);
    return segment;
  }

  /** {@link #join(byte[][], int, int)} into {@code segment[0, length)}. */
  public static void join(byte[][] shards, int k, byte[] segment, int length) {
    Objects.requireNonNull(shards, "shards");
    Objects.requireNonNull(segment, "segment");
    if (k < 1 || shards.length < k) {
      throw new IllegalArgumentException(
          "need k >= 1 and k shards, got k=" + k + " and " + shards.length + " shards");
    }
    if (length < 0 || length > segment.length) {
      throw new IllegalArgumentException(
          "length " + length + " outside the segment of " + segment.length + " bytes");
    }
    int size = shardSize(length, k);
    for (int i = 0, at = 0; i < k && at < length; i++, at += size) {
      byte[] shard = shards[i];
      int n = Math.min(size, length - at);
      if (shard == null || shard.length < n) {
        throw new IllegalArgumentException(
            "data shard "
                + i
                + " is "
                + (shard == null ? "null" : shard.length + " bytes")
                + ", need "
                + n);
      }
      System.arraycopy(shard, 0, segment, at, n);
    }
  }

  private static String choice() {
    String value = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "auto", "", "scalar", "vector" -> value;
      default ->
          throw new IllegalStateException(
              PROPERTY + "=" + value + " is not one of scalar, vector, auto");
    };
  }

  private static int vectorBits() {
    String value = System.getProperty(BITS_PROPERTY);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int bits = Integer.parseInt(value.trim());
      if (VectorSupport.available()) {
        VectorSupport.resolveBits(bits);
      }
      return bits;
    } catch (IllegalArgumentException e) { // includes NumberFormatException
      throw new IllegalStateException(BITS_PROPERTY + "=" + value + ": " + e.getMessage(), e);
    }
  }
}
