/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.erasure.internal.GaloisField;
import io.cairn.client.erasure.internal.Matrices;
import io.cairn.client.erasure.internal.VectorSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of every implementation: the parity matches a slow reference, every implementation
 * produces the scalar bytes, any k shards rebuild the rest, verify catches a flipped byte, windows
 * leave the rest of the arrays alone.
 */
class ErasureCoderTest {
  /** Shapes whose erasure patterns of up to m shards are all enumerated. */
  private static final int[][] SMALL = {{1, 0}, {1, 1}, {2, 1}, {4, 2}, {6, 3}, {10, 4}, {17, 3}};

  /** Shapes tested with random patterns of exactly m erasures. */
  private static final int[][] LARGE = {{29, 51}, {128, 128}, {200, 56}, {255, 1}, {1, 255}};

  private static final int[] LENGTHS = {1, 7, 63, 64, 65, 4095, 65537};

  static Stream<Arguments> implementations() {
    return Implementations.names().stream().map(Arguments::of);
  }

  static Stream<Arguments> smallShapes() {
    List<Arguments> args = new ArrayList<>();
    for (String impl : Implementations.names()) {
      for (int[] shape : SMALL) {
        args.add(Arguments.of(impl, shape[0], shape[1]));
      }
    }
    return args.stream();
  }

  static Stream<Arguments> allShapes() {
    List<Arguments> args = new ArrayList<>();
    for (String impl : Implementations.names()) {
      for (int[][] shapes : new int[][][] {SMALL, LARGE}) {
        for (int[] shape : shapes) {
          args.add(Arguments.of(impl, shape[0], shape[1]));
        }
      }
    }
    return args.stream();
  }

  @Test
  void shouldHaveTheVectorImplementationUnderTest() {
    // The build runs tests with --add-modules=jdk.incubator.vector; without it only the scalar
    // code would be covered.
    assertTrue(
        VectorSupport.available(),
        () -> "vector unavailable: " + VectorSupport.unavailableReason().orElse(""));
    assertTrue(Implementations.names().size() >= 2, Implementations.names().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void shouldEncodeTheHandCheckedVectors(String impl) {
    // k = 2, m = 1: parity = 0x8e * d0 + 0xf4 * d1 (MatricesTest checks the matrix by hand).
    ErasureCoder coder = Implementations.create(impl, 2, 1);
    byte[][] data = {
      {1, 2, 0, 0, (byte) 0x80, 1},
      {1, 0, 1, 0, 0, 0},
    };
    byte[][] parity = new byte[1][6];
    coder.encode(data, parity, 0, 6);
    // 0x8e ^ 0xf4 = 0x7a; 2 * 0x8e = 1; 0xf4; 0; 0x80 * 0x8e = 2^7 * 2^-1 = 2^6 = 0x40; 0x8e.
    byte[] expected = {0x7a, 1, (byte) 0xf4, 0, 0x40, (byte) 0x8e};
    assertArrayEquals(expected, parity[0]);
  }

  @ParameterizedTest(name = "{0} k={1} m={2}")
  @MethodSource("allShapes")
  void shouldEncodeLikeTheReferenceAndTheScalarCode(String impl, int k, int m) {
    ErasureCoder coder = Implementations.create(impl, k, m);
    ErasureCoder scalar = ErasureCoders.scalar(k, m);
    byte[][] matrix = Matrices.cauchyEncodingMatrix(k, m);
    for (int length : LENGTHS) {
      if ((long) length * k * m > 50_000_000L) {
        continue;
      }
      long seed = seed(k, m, length);
      byte[][] data = randomShards(seed, k, length);
      byte[][] parity = new byte[m][length];
      coder.encode(data, parity, 0, length);
      byte[][] expected = new byte[m][length];
      if ((long) length * k * m <= 2_000_000L) {
        expected = referenceParity(matrix, data, length);
      } else {
        scalar.encode(data, expected, 0, length);
      }
      for (int p = 0; p < m; p++) {
        assertArrayEquals(expected[p], parity[p], msg(impl, k, m, length, seed, "parity " + p));
      }
    }
  }

  @ParameterizedTest(name = "{0} k={1} m={2}")
  @MethodSource("smallShapes")
  void shouldDecodeEveryPatternOfUpToMErasures(String impl, int k, int m) {
    ErasureCoder coder = Implementations.create(impl, k, m);
    int n = k + m;
    for (int length : new int[] {1, 7, 64, 65, 4095}) {
      long seed = seed(k, m, length);
      byte[][] shards = encoded(coder, seed, length);
      int patterns = 0;
      for (int[] erased : combinationsUpTo(n, m)) {
        byte[][] damaged = copy(shards);
        boolean[] present = new boolean[n];
        Arrays.fill(present, true);
        for (int e : erased) {
          present[e] = false;
          Arrays.fill(damaged[e], (byte) 0x5a);
        }
        coder.decode(damaged, present, 0, length);
        for (int i = 0; i < n; i++) {
          assertArrayEquals(
              shards[i],
              damaged[i],
              msg(impl, k, m, length, seed, "shard " + i + " erased " + Arrays.toString(erased)));
        }
        patterns++;
      }
      assertEquals(countUpTo(n, m), patterns);
    }
  }

  @ParameterizedTest(name = "{0} k={1} m={2}")
  @MethodSource("allShapes")
  void shouldDecodeRandomPatternsOfExactlyMErasures(String impl, int k, int m) {
    ErasureCoder coder = Implementations.create(impl, k, m);
    int n = k + m;
    for (int length : LENGTHS) {
      long work = (long) length * k * m;
      if (work > 50_000_000L) {
        continue;
      }
      long seed = seed(k, m, length);
      SplittableRandom random = new SplittableRandom(seed);
      byte[][] shards = encoded(coder, seed, length);
      int rounds = work > 1_000_000L ? 2 : 8;
      for (int round = 0; round < rounds; round++) {
        int[] erased = randomSubset(random, n, m);
        byte[][] damaged = copy(shards);
        boolean[] present = new boolean[n];
        Arrays.fill(present, true);
        for (int e : erased) {
          present[e] = false;
          damaged[e] = random.nextBoolean() ? null : new byte[length];
        }
        coder.decode(damaged, present, 0, length);
        for (int i = 0; i < n; i++) {
          assertArrayEquals(
              shards[i],
              damaged[i],
              msg(impl, k, m, length, seed, "shard " + i + " erased " + Arrays.toString(erased)));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} k={1} m={2}")
  @MethodSource("allShapes")
  void shouldRefuseToDecodeWithFewerThanKShards(String impl, int k, int m) {
    ErasureCoder coder = Implementations.create(impl, k, m);
    int n = k + m;
    byte[][] shards = new byte[n][8];
    boolean[] present = new boolean[n];
    for (int i = 0; i < k - 1; i++) {
      present[n - 1 - i] = true;
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> coder.decode(shards, present, 0, 8));
    assertTrue(
        e.getMessage().contains("only " + (k - 1) + " of " + n)
            && e.getMessage().contains("k = " + k),
        e.getMessage());
  }

  @ParameterizedTest(name = "{0} k={1} m={2}")
  @MethodSource("allShapes")
  void shouldDetectAFlippedByteInAnyShard(String impl, int k, int m) {
    ErasureCoder coder = Implementations.create(impl, k, m);
    int length = k * m > 1000 ? 65 : 4095;
    long seed = seed(k, m, length);
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] shards = encoded(coder, seed, length);
    assertTrue(coder.verify(shards, 0, length), msg(impl, k, m, length, seed, "intact"));
    if (m == 0) {
      return;
    }
    for (int i = 0; i < k + m; i++) {
      int at = random.nextInt(length);
      int bit = 1 << random.nextInt(8);
      shards[i][at] ^= (byte) bit;
      assertFalse(
          coder.verify(shards, 0, length), msg(impl, k, m, length, seed, "flip " + i + "@" + at));
      shards[i][at] ^= (byte) bit;
    }
    assertTrue(coder.verify(shards, 0, length), msg(impl, k, m, length, seed, "restored"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void shouldWorkOnWindowsAndLeaveTheRestAlone(String impl) {
    int k = 6;
    int m = 3;
    ErasureCoder coder = Implementations.create(impl, k, m);
    for (int[] window : new int[][] {{0, 65537}, {1, 4095}, {13, 64}, {100, 1}, {3, 0}}) {
      int offset = window[0];
      int length = window[1];
      long seed = seed(k, m, offset * 100_003L + length);
      byte[][] plain = encoded(coder, seed, length);
      SplittableRandom random = new SplittableRandom(seed);
      int slack = 37;
      byte[][] big = new byte[k + m][offset + length + slack];
      for (byte[] shard : big) {
        random.nextBytes(shard);
      }
      byte[][] before = copy(big);
      for (int i = 0; i < k; i++) {
        System.arraycopy(plain[i], 0, big[i], offset, length);
      }
      coder.encode(
          Arrays.copyOfRange(big, 0, k), Arrays.copyOfRange(big, k, k + m), offset, length);
      String msg = "window " + offset + "+" + length + " seed " + seed;
      for (int i = 0; i < k + m; i++) {
        assertWindow(before[i], plain[i], big[i], offset, length, msg + " shard " + i);
      }
      assertTrue(coder.verify(big, offset, length), msg);
      boolean[] present = {true, false, true, false, true, true, true, false, true};
      for (int i = 0; i < present.length; i++) {
        if (!present[i]) {
          Arrays.fill(big[i], offset, offset + length, (byte) 0);
        }
      }
      coder.decode(big, present, offset, length);
      for (int i = 0; i < k + m; i++) {
        assertWindow(before[i], plain[i], big[i], offset, length, msg + " decoded shard " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void shouldReuseTheDecodePlanAcrossSegments(String impl) {
    int k = 10;
    int m = 4;
    ErasureCoder coder = Implementations.create(impl, k, m);
    boolean[] present = new boolean[k + m];
    Arrays.fill(present, true);
    present[0] = false;
    present[3] = false;
    present[11] = false;
    for (int segment = 0; segment < 20; segment++) {
      long seed = seed(k, m, 1000 + segment);
      byte[][] shards = encoded(coder, seed, 1000);
      byte[][] damaged = copy(shards);
      damaged[0] = null;
      damaged[3] = null;
      damaged[11] = null;
      coder.decode(damaged, present, 0, 1000);
      for (int i = 0; i < k + m; i++) {
        assertArrayEquals(shards[i], damaged[i], "segment " + segment + " shard " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void shouldIgnoreExtraPresentShardsAndDecodeNothingWhenAllArePresent(String impl) {
    ErasureCoder coder = Implementations.create(impl, 4, 2);
    long seed = seed(4, 2, 99);
    byte[][] shards = encoded(coder, seed, 99);
    byte[][] copy = copy(shards);
    coder.decode(copy, new boolean[] {true, true, true, true, true, true}, 0, 99);
    assertArrayEquals(shards, copy);
    copy[2] = null;
    coder.decode(copy, new boolean[] {true, true, false, true, true, true}, 0, 99);
    assertArrayEquals(shards, copy);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void shouldRejectMalformedCalls(String impl) {
    ErasureCoder coder = Implementations.create(impl, 3, 2);
    byte[][] data = new byte[3][10];
    byte[][] parity = new byte[2][10];
    assertEquals(3, coder.dataShards());
    assertEquals(2, coder.parityShards());
    assertEquals(5, coder.totalShards());
    assertEquals(impl, coder.implementationName());
    assertThrows(
        IllegalArgumentException.class, () -> coder.encode(new byte[2][10], parity, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> coder.encode(data, new byte[3][10], 0, 10));
    assertThrows(IllegalArgumentException.class, () -> coder.encode(data, parity, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> coder.encode(data, parity, -1, 5));
    assertThrows(IllegalArgumentException.class, () -> coder.encode(data, parity, 0, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> coder.encode(data, parity, Integer.MAX_VALUE, Integer.MAX_VALUE));
    assertThrows(
        IllegalArgumentException.class,
        () -> coder.encode(new byte[][] {data[0], null, data[2]}, parity, 0, 10));
    byte[][] shards = new byte[5][10];
    assertThrows(IllegalArgumentException.class, () -> coder.decode(shards, new boolean[4], 0, 10));
    assertThrows(
        IllegalArgumentException.class, () -> coder.decode(new byte[4][10], new boolean[5], 0, 10));
    byte[][] withNull = new byte[][] {null, shards[1], shards[2], shards[3], shards[4]};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> coder.decode(withNull, new boolean[] {true, true, true, true, true}, 0, 10));
    assertTrue(e.getMessage().contains("shards[0] is null"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> coder.verify(withNull, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> coder.verify(shards, 0, 11));
  }

  @Test
  void shouldRejectImpossibleShapes() {
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.scalar(0, 1));
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.scalar(1, -1));
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.scalar(250, 7));
    assertThrows(IllegalArgumentException.class, () -> ErasureCoders.create(250, 7));
    assertEquals(256, ErasureCoders.create(250, 6).totalShards());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void shouldHandleNoParity(String impl) {
    ErasureCoder coder = Implementations.create(impl, 3, 0);
    byte[][] data = randomShards(7, 3, 100);
    coder.encode(data, new byte[0][], 0, 100);
    assertTrue(coder.verify(data, 0, 100));
    coder.decode(data, new boolean[] {true, true, true}, 0, 100);
    assertThrows(
        IllegalArgumentException.class,
        () -> coder.decode(data, new boolean[] {true, false, true}, 0, 100));
  }

  // ---------------------------------------------------------------------------------------------

  private static long seed(int k, int m, long length) {
    return 0x5eed_0000_0000L ^ (k * 1_000_003L + m * 7919L + length);
  }

  private static String msg(String impl, int k, int m, int length, long seed, String what) {
    return impl + " k=" + k + " m=" + m + " length=" + length + " seed=" + seed + ": " + what;
  }

  private static byte[][] randomShards(long seed, int count, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] shards = new byte[count][length];
    for (byte[] shard : shards) {
      random.nextBytes(shard);
    }
    return shards;
  }

  /** k random data shards from {@code seed} followed by their parity. */
  private static byte[][] encoded(ErasureCoder coder, long seed, int length) {
    int k = coder.dataShards();
    int m = coder.parityShards();
    byte[][] data = randomShards(seed, k, length);
    byte[][] parity = new byte[m][length];
    coder.encode(data, parity, 0, length);
    byte[][] shards = new byte[k + m][];
    System.arraycopy(data, 0, shards, 0, k);
    System.arraycopy(parity, 0, shards, k, m);
    return shards;
  }

  private static byte[][] referenceParity(byte[][] matrix, byte[][] data, int length) {
    int k = data.length;
    int m = matrix.length - k;
    byte[][] parity = new byte[m][length];
    for (int p = 0; p < m; p++) {
      for (int x = 0; x < length; x++) {
        int sum = 0;
        for (int i = 0; i < k; i++) {
          sum ^= GaloisField.mul(matrix[k + p][i] & 0xff, data[i][x] & 0xff);
        }
        parity[p][x] = (byte) sum;
      }
    }
    return parity;
  }

  private static byte[][] copy(byte[][] shards) {
    byte[][] copy = new byte[shards.length][];
    for (int i = 0; i < shards.length; i++) {
      copy[i] = shards[i].clone();
    }
    return copy;
  }

  private static void assertWindow(
      byte[] before, byte[] window, byte[] actual, int offset, int length, String msg) {
    assertNotNull(actual, msg);
    assertArrayEquals(
        Arrays.copyOfRange(before, 0, offset), Arrays.copyOfRange(actual, 0, offset), msg);
    assertArrayEquals(window, Arrays.copyOfRange(actual, offset, offset + length), msg);
    assertArrayEquals(
        Arrays.copyOfRange(before, offset + length, before.length),
        Arrays.copyOfRange(actual, offset + length, actual.length),
        msg);
  }

  /** Every subset of {0..n-1} with 1 to max elements. */
  private static List<int[]> combinationsUpTo(int n, int max) {
    List<int[]> all = new ArrayList<>();
    for (int size = 1; size <= max; size++) {
      combinations(n, size, 0, new int[size], 0, all);
    }
    return all;
  }

  private static void combinations(
      int n, int size, int from, int[] acc, int depth, List<int[]> out) {
    if (depth == size) {
      out.add(acc.clone());
      return;
    }
    for (int i = from; i < n; i++) {
      acc[depth] = i;
      combinations(n, size, i + 1, acc, depth + 1, out);
    }
  }

  private static long countUpTo(int n, int max) {
    long total = 0;
    for (int size = 1; size <= max; size++) {
      long c = 1;
      for (int i = 0; i < size; i++) {
        c = c * (n - i) / (i + 1);
      }
      total += c;
    }
    return total;
  }

  private static int[] randomSubset(SplittableRandom random, int n, int size) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] subset = Arrays.copyOf(all, size);
    Arrays.sort(subset);
    return subset;
  }
}
