/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.erasure.internal.VectorSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ErasureCodersTest {
  @Test
  void shouldRoundShardSizeUp() {
    assertEquals(0, ErasureCoders.shardSize(0, 4));
    assertEquals(1, ErasureCoders.shardSize(1, 4));
    assertEquals(1, ErasureCoders.shardSize(4, 4));
    assertEquals(2, ErasureCoders.shardSize(5, 4));
    assertEquals(1_048_576, ErasureCoders.shardSize(4 * 1_048_576, 4));
    assertEquals(Integer.MAX_VALUE, ErasureCoders.shardSize(Integer.MAX_VALUE, 1));
    assertEquals(1 << 30, ErasureCoders.shardSize(Integer.MAX_VALUE, 2));
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.shardSize(-1, 4));
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.shardSize(10, 0));
  }

  @Test
  void shouldSplitWithZeroPaddingAndJoinBack() {
    long seed = 0x5711L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 1; k <= 7; k++) {
      for (int length = 0; length <= 50; length++) {
        byte[] segment = new byte[length + 3];
        random.nextBytes(segment);
        byte[][] shards = ErasureCoders.split(segment, length, k, 2);
        String msg = "seed " + seed + " k=" + k + " length=" + length;
        assertEquals(k + 2, shards.length, msg);
        int size = ErasureCoders.shardSize(length, k);
        byte[] concatenated = new byte[size * k];
        for (int i = 0; i < k + 2; i++) {
          assertEquals(size, shards[i].length, msg);
          if (i < k) {
            System.arraycopy(shards[i], 0, concatenated, i * size, size);
          } else {
            assertArrayEquals(new byte[size], shards[i], msg);
          }
        }
        assertArrayEquals(Arrays.copyOf(segment, length), Arrays.copyOf(concatenated, length), msg);
        assertArrayEquals(
            new byte[size * k - length], Arrays.copyOfRange(concatenated, length, size * k), msg);
        assertArrayEquals(
            Arrays.copyOf(segment, length), ErasureCoders.join(shards, k, length), msg);
      }
    }
  }

  @Test
  void shouldEncodeASegmentAndRebuildItFromAnyKShards() {
    long seed = 0xC0DEL;
    SplittableRandom random = new SplittableRandom(seed);
    ErasureCoder coder = ErasureCoders.create(4, 2);
    for (int length : new int[] {0, 1, 5, 1000, 4 * 1024 * 1024 - 1}) {
      byte[] segment = new byte[length];
      random.nextBytes(segment);
      byte[][] shards = ErasureCoders.encodeSegment(coder, segment, length);
      int size = ErasureCoders.shardSize(length, 4);
      assertTrue(coder.verify(shards, 0, size), "seed " + seed + " length " + length);
      shards[1] = null;
      shards[3] = null;
      coder.decode(shards, new boolean[] {true, false, true, false, true, true}, 0, size);
      byte[] joined = new byte[length + 10];
      ErasureCoders.join(shards, 4, joined, length);
      assertArrayEquals(
          segment, Arrays.copyOf(joined, length), "seed " + seed + " length " + length);
    }
  }

  @Test
  void shouldRejectBadSplitAndJoinArguments() {
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.split(new byte[4], 5, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.split(new byte[4], 4, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> ErasureCoders.split(new byte[4], 4, 200, 57));
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.join(new byte[1][2], 2, 3));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ErasureCoders.join(new byte[][] {new byte[2], new byte[1]}, 2, 4));
    assertTrue(e.getMessage().contains("data shard 1"), e.getMessage());
  }

  @Test
  void shouldPickTheFastestAvailableImplementationUnlessToldOtherwise() {
    String expected =
        VectorSupport.available() ? "vector-" + VectorSupport.resolveBits(0) : "scalar";
    assertEquals(expected, ErasureCoders.implementationName());
    assertEquals(expected, ErasureCoders.create(4, 2).implementationName());
    withProperty(
        ErasureCoders.PROPERTY,
        "scalar",
        () -> assertEquals("scalar", ErasureCoders.implementationName()));
    withProperty(
        ErasureCoders.PROPERTY,
        "vector",
        () -> assertEquals(expected, ErasureCoders.implementationName()));
    withProperty(
        ErasureCoders.PROPERTY,
        "fast",
        () -> {
          IllegalStateException e =
              assertThrows(IllegalStateException.class, () -> ErasureCoders.create(4, 2));
          assertTrue(e.getMessage().contains("cairn.erasure=fast"), e.getMessage());
        });
    if (VectorSupport.available()) {
      assertThrows(IllegalArgumentException.class, () -> ErasureCoders.vector(4, 2, 1024));
      assertThrows(IllegalArgumentException.class, () -> ErasureCoders.vector(4, 2, 64));
      withProperty(
          ErasureCoders.BITS_PROPERTY,
          "wide",
          () -> assertThrows(IllegalStateException.class, () -> ErasureCoders.create(4, 2)));
      withProperty(
          ErasureCoders.BITS_PROPERTY,
          "1024",
          () -> assertThrows(IllegalStateException.class, () -> ErasureCoders.create(4, 2)));
      withProperty(
          ErasureCoders.BITS_PROPERTY,
          "128",
          () -> assertEquals("vector-128", ErasureCoders.create(4, 2).implementationName()));
    }
  }

  @Test
  void shouldFallBackToScalarWithoutTheVectorModule() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    FallbackProbe.class.getName()))
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("implementation=scalar"), output);
    assertTrue(output.contains("vector=empty"), output);
    assertTrue(output.contains("roundtrip=ok"), output);
  }

  private static void withProperty(String name, String value, Runnable body) {
    String old = System.getProperty(name);
    System.setProperty(name, value);
    try {
      body.run();
    } finally {
      if (old == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, old);
      }
    }
  }
}
