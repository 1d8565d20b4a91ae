/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditSamplerTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] NONCE_0_TO_15 = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

  /** The golden shard: byte i is {@code i mod 251}. */
  private static byte[] goldenShard(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i % 251);
    }
    return b;
  }

  private static byte[] randomBytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  // Golden vectors: they lock the client and the node (and any other implementation) to the
  // function in docs/audit.md. They were cross-checked against an independent implementation
  // written from that document alone. Never change them: a change breaks every stored vector.
  @ParameterizedTest(name = "size {0}, blockSize {1}, blockCount {2}")
  @CsvSource({
    // whole shard sampled is the default case on a 1 MiB shard: 256 blocks, 16 drawn
    "1048576, 4096, 16, '2 3 4 42 80 91 103 129 146 157 173 197 213 230 243 251',"
        + " 3fbcbcfdb2e8ede530db48a8112b4cb4a46ee312927fa02089621d32bb291a72",
    // 25 blocks, the last 1696 bytes long and not drawn
    "100000, 4096, 16, '0 1 3 4 5 6 7 8 9 10 11 12 17 21 22 23',"
        + " 3f34d1484fb043c187fb09cf5a534ad20edeaae7294c5620f5f7f8fb663ac511",
    // 18 blocks, the last (368 bytes) drawn
    "70000, 4096, 16, '1 2 3 4 5 6 7 8 9 10 12 13 14 15 16 17',"
        + " dd517537caec364cf8bf4b82e606124d458cec177b7422b8709a9d9b14e9c36d",
    // 10 blocks of 512, the last (392 bytes) drawn
    "5000, 512, 4, '0 5 6 9', c9f2a4e759edb172b75506bbb4929bf4e244be88c3c5afa76115b1979dcc7354",
    // 10 blocks <= 16: the whole shard
    "40000, 4096, 16, '0 1 2 3 4 5 6 7 8 9',"
        + " 479df941a51e21def51ed0b900f9ec4621ceea53338db3a78fbb1c816632bc9a",
    // empty shard: SHA-256(nonce) alone
    "0, 4096, 16, '', be45cb2605bf36bebde684841a28f0fd43c69850a3dce5fedba69928ee3a8991",
  })
  void shouldMatchGoldenVectors(
      int size, int blockSize, int blockCount, String indices, String expectedHex)
      throws IOException {
    byte[] shard = goldenShard(size);
    int[] expectedIndices =
        indices == null || indices.isBlank()
            ? new int[0]
            : Arrays.stream(indices.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    assertArrayEquals(
        expectedIndices, AuditSampler.sampleIndices(NONCE_0_TO_15, size, blockSize, blockCount));
    assertEquals(
        expectedHex,
        HEX.formatHex(AuditSampler.response(NONCE_0_TO_15, shard, 0, size, blockSize, blockCount)));
    assertEquals(
        expectedHex,
        HEX.formatHex(
            AuditSampler.response(
                NONCE_0_TO_15, BlockSource.of(shard, 0, size), blockSize, blockCount)));
  }

  @Test
  void shouldMatchGoldenVectorForAllOnesNonce() {
    byte[] nonce = HEX.parseHex("ffffffffffffffffffffffffffffffff");
    assertArrayEquals(
        new int[] {2, 3, 6, 7, 9, 10, 12, 14, 16, 17, 18, 19, 20, 21, 22, 23},
        AuditSampler.sampleIndices(nonce, 100_000, 4096, 16));
    assertEquals(
        "102f910144dca1281e4680c9e8379d7ee857b40c65877cf2622e8717500d4b9f",
        HEX.formatHex(AuditSampler.response(nonce, goldenShard(100_000), 0, 100_000, 4096, 16)));
  }

  @Test
  void shouldBeDeterministicForTheSameNonce() {
    SplittableRandom r = new SplittableRandom(7);
    byte[] shard = randomBytes(r, 300_000);
    for (int i = 0; i < 50; i++) {
      byte[] nonce = randomBytes(r, 16);
      int[] a = AuditSampler.sampleIndices(nonce, shard.length, 4096, 16);
      int[] b = AuditSampler.sampleIndices(nonce.clone(), shard.length, 4096, 16);
      assertArrayEquals(a, b, "round " + i);
      assertArrayEquals(
          AuditSampler.response(nonce, shard, 0, shard.length, AuditParams.DEFAULT),
          AuditSampler.response(nonce.clone(), shard.clone(), 0, shard.length, 4096, 16),
          "round " + i);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldDrawDistinctSortedIndicesInRange(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      long size = 1 + r.nextLong(50_000_000L);
      int blockSize = 512 << r.nextInt(12);
      int blockCount = 1 + r.nextInt(64);
      byte[] nonce = randomBytes(r, 16);
      int[] idx = AuditSampler.sampleIndices(nonce, size, blockSize, blockCount);
      long n = AuditSampler.blockCountOf(size, blockSize);
      String ctx = "seed " + seed + " size " + size + " bs " + blockSize + " m " + blockCount;
      assertEquals(Math.min(n, blockCount), idx.length, ctx);
      for (int k = 0; k < idx.length; k++) {
        assertTrue(idx[k] >= 0 && idx[k] < n, ctx);
        if (k > 0) {
          assertTrue(idx[k - 1] < idx[k], "ascending and distinct: " + ctx);
        }
      }
    }
  }

  @Test
  void shouldCoverTheWholeShardWhenItHasAtMostBlockCountBlocks() {
    byte[] nonce = NONCE_0_TO_15;
    assertArrayEquals(
        IntStream.range(0, 16).toArray(), AuditSampler.sampleIndices(nonce, 65536, 4096, 16));
    assertArrayEquals(
        IntStream.range(0, 16).toArray(), AuditSampler.sampleIndices(nonce, 65535, 4096, 16));
    assertArrayEquals(new int[] {0}, AuditSampler.sampleIndices(nonce, 1, 4096, 16));
    assertArrayEquals(new int[0], AuditSampler.sampleIndices(nonce, 0, 4096, 16));
    // One block more than blockCount: sampled, so one block is left out.
    assertEquals(16, AuditSampler.sampleIndices(nonce, 65537, 4096, 16).length);

    // The whole-shard answer is SHA-256(nonce || shard), whatever the block boundaries.
    byte[] shard = goldenShard(10_000);
    byte[] whole = sha256(nonce, shard);
    assertArrayEquals(whole, AuditSampler.response(nonce, shard, 0, shard.length, 4096, 16));
    assertArrayEquals(whole, AuditSampler.response(nonce, shard, 0, shard.length, 512, 20));
  }

  @Test
  void shouldHashTheShortLastBlockOnlyUpToTheShardEnd() {
    // 3 blocks of 512 + 10 bytes: the short block is hashed as its 10 bytes, nothing padded.
    byte[] shard = goldenShard(3 * 512 + 10);
    byte[] nonce = NONCE_0_TO_15;
    assertArrayEquals(
        new int[] {0, 1, 2, 3}, AuditSampler.sampleIndices(nonce, shard.length, 512, 4));
    assertArrayEquals(
        sha256(nonce, shard), AuditSampler.response(nonce, shard, 0, shard.length, 512, 4));

    // Sampled case: find a nonce whose draw includes the short last block and check it directly.
    SplittableRandom r = new SplittableRandom(11);
    byte[] big = randomBytes(r, 40 * 512 + 77);
    int found = 0;
    for (int i = 0; i < 200 && found < 5; i++) {
      byte[] n = randomBytes(r, 16);
      int[] idx = AuditSampler.sampleIndices(n, big.length, 512, 8);
      if (idx[idx.length - 1] != 40) {
        continue;
      }
      found++;
      byte[] concat = new byte[0];
      for (int k : idx) {
        int from = k * 512;
        int to = Math.min(from + 512, big.length);
        concat = concat(concat, Arrays.copyOfRange(big, from, to));
      }
      assertEquals(7 * 512 + 77, concat.length);
      assertArrayEquals(sha256(n, concat), AuditSampler.response(n, big, 0, big.length, 512, 8));
    }
    assertEquals(5, found, "the last block should be drawn in about 1 in 5 rounds");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  void shouldChangeTheAnswerExactlyWhenASampledByteChanges(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] shard = randomBytes(r, 64 * 4096 + 123);
    for (int round = 0; round < 20; round++) {
      byte[] nonce = randomBytes(r, 16);
      int[] idx = AuditSampler.sampleIndices(nonce, shard.length, 4096, 16);
      byte[] expected = AuditSampler.response(nonce, shard, 0, shard.length, 4096, 16);
      boolean[] sampled = new boolean[65];
      for (int i : idx) {
        sampled[i] = true;
      }
      for (int probe = 0; probe < 20; probe++) {
        int pos = r.nextInt(shard.length);
        byte old = shard[pos];
        shard[pos] ^= (byte) (1 << r.nextInt(8));
        byte[] got = AuditSampler.response(nonce, shard, 0, shard.length, 4096, 16);
        shard[pos] = old;
        boolean inSample = sampled[pos / 4096];
        assertEquals(
            inSample,
            !Arrays.equals(expected, got),
            "seed " + seed + " byte " + pos + (inSample ? " sampled" : " unsampled"));
      }
      // And every sampled block's first and last byte matter.
      for (int i : idx) {
        for (int pos : new int[] {i * 4096, Math.min((i + 1) * 4096, shard.length) - 1}) {
          shard[pos] ^= 1;
          assertFalse(
              Arrays.equals(
                  expected, AuditSampler.response(nonce, shard, 0, shard.length, 4096, 16)),
              "seed " + seed + " byte " + pos);
          shard[pos] ^= 1;
        }
      }
      // A different nonce gives a different answer on the same bytes.
      byte[] other = nonce.clone();
      other[15] ^= 1;
      assertFalse(
          Arrays.equals(expected, AuditSampler.response(other, shard, 0, shard.length, 4096, 16)));
    }
  }

  @Test
  void shouldAnswerTheSameOverASliceAndOverABlockSource() throws IOException {
    SplittableRandom r = new SplittableRandom(31);
    byte[] shard = randomBytes(r, 3 * (1 << 20) + 999);
    byte[] padded = new byte[shard.length + 100];
    System.arraycopy(shard, 0, padded, 37, shard.length);
    for (int blockSize : new int[] {512, 4096, 1 << 17, 1 << 20}) {
      byte[] nonce = randomBytes(r, 16);
      byte[] direct = AuditSampler.response(nonce, shard, 0, shard.length, blockSize, 3);
      assertArrayEquals(
          direct,
          AuditSampler.response(nonce, padded, 37, shard.length, blockSize, 3),
          "bs " + blockSize);
      // Blocks above the 64 KiB read chunk are read in several pieces.
      assertArrayEquals(
          direct,
          AuditSampler.response(nonce, BlockSource.of(padded, 37, shard.length), blockSize, 3),
          "bs " + blockSize);
    }
  }

  @Test
  void shouldReadOnlySampledBlocksFromABlockSource() throws IOException {
    byte[] shard = goldenShard(1 << 20);
    long[] bytesRead = {0};
    BlockSource counting =
        new BlockSource() {
          @Override
          public long size() {
            return shard.length;
          }

          @Override
          public void read(long offset, byte[] dst, int dstOff, int len) {
            bytesRead[0] += len;
            System.arraycopy(shard, (int) offset, dst, dstOff, len);
          }
        };
    AuditSampler.response(NONCE_0_TO_15, counting, AuditParams.DEFAULT);
    assertEquals(16 * 4096, bytesRead[0]);
  }

  @Test
  void shouldPassOnBlockSourceFailures() {
    BlockSource broken =
        new BlockSource() {
          @Override
          public long size() {
            return 1 << 20;
          }

          @Override
          public void read(long offset, byte[] dst, int dstOff, int len) throws IOException {
            throw new IOException("disk gone");
          }
        };
    IOException e =
        assertThrows(
            IOException.class, () -> AuditSampler.response(NONCE_0_TO_15, broken, 4096, 16));
    assertEquals("disk gone", e.getMessage());
    // The thread's digest is reset: the next answer is still right.
    byte[] shard = goldenShard(100_000);
    assertEquals(
        "3f34d1484fb043c187fb09cf5a534ad20edeaae7294c5620f5f7f8fb663ac511",
        HEX.formatHex(AuditSampler.response(NONCE_0_TO_15, shard, 0, shard.length, 4096, 16)));
  }

  @Test
  void shouldRejectOutOfBoundsArgumentsWithClearMessages() {
    byte[] shard = new byte[100];
    assertMessage(
        "audit nonce must be 16 bytes, got 15",
        () -> AuditSampler.sampleIndices(new byte[15], 100, 4096, 16));
    assertMessage(
        "audit nonce must be 16 bytes, got 17",
        () -> AuditSampler.response(new byte[17], shard, 0, 100, 4096, 16));
    assertMessage(
        "audit blockSize must be a power of two in 512..1048576, got 4000",
        () -> AuditSampler.sampleIndices(NONCE_0_TO_15, 100, 4000, 16));
    assertMessage(
        "audit blockSize must be a power of two in 512..1048576, got 256",
        () -> AuditSampler.sampleIndices(NONCE_0_TO_15, 100, 256, 16));
    assertMessage(
        "audit blockSize must be a power of two in 512..1048576, got 2097152",
        () -> AuditSampler.sampleIndices(NONCE_0_TO_15, 100, 1 << 21, 16));
    assertMessage(
        "audit blockCount must be in 1..1024, got 0",
        () -> AuditSampler.sampleIndices(NONCE_0_TO_15, 100, 4096, 0));
    assertMessage(
        "audit blockCount must be in 1..1024, got 1025",
        () -> AuditSampler.sampleIndices(NONCE_0_TO_15, 100, 4096, 1025));
    assertMessage(
        "shard size must not be negative, got -1",
        () -> AuditSampler.sampleIndices(NONCE_0_TO_15, -1, 4096, 16));
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditSampler.sampleIndices(NONCE_0_TO_15, (1L << 31) * 512, 512, 16),
        "2^31 blocks do not fit an int index");
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> AuditSampler.response(NONCE_0_TO_15, shard, 50, 51, 4096, 16));
    assertThrows(NullPointerException.class, () -> AuditSampler.sampleIndices(null, 100, 4096, 16));

    assertMessage("audit rounds must be in 1..64, got 0", () -> new AuditParams(0, 4096, 16));
    assertMessage("audit rounds must be in 1..64, got 65", () -> new AuditParams(65, 4096, 16));
    assertEquals(new AuditParams(64, 1 << 20, 1024), new AuditParams(64, 1 << 20, 1024));
    assertEquals(new AuditParams(1, 512, 1), new AuditParams(1, 512, 1));
    assertEquals(new AuditParams(8, 4096, 16), AuditParams.DEFAULT);
  }

  @Test
  void shouldSampleTheLargestAllowedShape() {
    // 2^31-1 blocks (about 1 TiB of 512-byte blocks) and 1024 blocks per round still work.
    long size = (long) Integer.MAX_VALUE * 512;
    int[] idx = AuditSampler.sampleIndices(NONCE_0_TO_15, size, 512, 1024);
    assertEquals(1024, idx.length);
    assertTrue(idx[1023] < Integer.MAX_VALUE);
    // blockCount + 1 blocks: Floyd's algorithm still takes exactly blockCount draws.
    assertEquals(1024, AuditSampler.sampleIndices(NONCE_0_TO_15, 1025L * 512, 512, 1024).length);
  }

  /**
   * Each block is equally likely to be in a round: a chi-square test of index frequencies, 99
   * degrees of freedom, against the 0.1% critical value 148.2.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {41, 42, 43})
  void shouldDrawEveryBlockEquallyOften(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 100;
    int rounds = 20_000;
    long[] counts = new long[n];
    for (int i = 0; i < rounds; i++) {
      for (int idx : AuditSampler.sampleIndices(randomBytes(r, 16), n * 512L, 512, 16)) {
        counts[idx]++;
      }
    }
    double expected = rounds * 16.0 / n;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    assertTrue(chi2 < 148.2, "seed " + seed + ": chi-square " + chi2 + " over 99 dof");
  }

  /**
   * Every subset is equally likely (Floyd's algorithm is exact): all 15 two-block subsets of six
   * blocks, chi-square over 14 degrees of freedom against the 0.1% critical value 36.12.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {51, 52})
  void shouldDrawEverySubsetEquallyOften(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int rounds = 30_000;
    long[][] counts = new long[6][6];
    for (int i = 0; i < rounds; i++) {
      int[] idx = AuditSampler.sampleIndices(randomBytes(r, 16), 6 * 512, 512, 2);
      counts[idx[0]][idx[1]]++;
    }
    double expected = rounds / 15.0;
    double chi2 = 0;
    for (int a = 0; a < 6; a++) {
      for (int b = a + 1; b < 6; b++) {
        chi2 += (counts[a][b] - expected) * (counts[a][b] - expected) / expected;
      }
    }
    assertTrue(chi2 < 36.12, "seed " + seed + ": chi-square " + chi2 + " over 14 dof");
  }

  /**
   * With 1.5 * 2^30 blocks a plain {@code word mod n} would put 3/4 of the draws in the lowest 2^30
   * blocks instead of 2/3; rejection sampling keeps it at 2/3.
   */
  @Test
  void shouldHaveNoModuloBias() {
    long n = 3L << 29;
    SplittableRandom r = new SplittableRandom(61);
    long low = 0;
    long total = 0;
    for (int i = 0; i < 5_000; i++) {
      for (int idx : AuditSampler.sampleIndices(randomBytes(r, 16), n * 512, 512, 16)) {
        total++;
        if (idx < (1L << 30)) {
          low++;
        }
      }
    }
    double share = (double) low / total;
    // sd = sqrt(2/9 / 80000) ~ 0.0017; the biased value 0.75 is 50 sd away.
    assertEquals(2.0 / 3.0, share, 0.01, "share of draws below 2^30");
  }

  private static void assertMessage(String message, org.junit.jupiter.api.function.Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] sha256(byte[] a, byte[] b) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      md.update(a);
      md.update(b);
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
