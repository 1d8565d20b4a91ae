/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentCipherTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecretBytes KEY =
      SecretBytes.copyOf(
          HEX.parseHex("c9554e88ebb211dabc108338a0492dba9e7013f1253cfc3cc9c6410dd06806c5"));
  private static final Bytes FILE_ID =
      Bytes.fromHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");

  private static byte[] seal(SegmentCipher c, long index, boolean last, byte[] plaintext) {
    byte[] out = new byte[SegmentCipher.sealedSize(plaintext.length)];
    assertEquals(out.length, c.seal(index, last, plaintext, 0, plaintext.length, out, 0));
    return out;
  }

  private static byte[] open(SegmentCipher c, long index, boolean last, byte[] sealed)
      throws AEADBadTagException {
    byte[] out = new byte[sealed.length - SegmentCipher.TAG_SIZE];
    assertEquals(out.length, c.open(index, last, sealed, 0, sealed.length, out, 0));
    return out;
  }

  private static void assertFailsOpen(String why, Executable e) {
    AEADBadTagException x = assertThrows(AEADBadTagException.class, e, why);
    assertEquals("authentication failed", x.getMessage(), why);
  }

  private static byte[] random(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /**
   * Golden segments, computed independently with pyca/cryptography's AESGCM from the layout in
   * docs/crypto.md (content key and file id as in KeyScheduleTest).
   */
  @Test
  void shouldMatchGoldenSegments() throws AEADBadTagException {
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      byte[] zero = "Cairn segment zero".getBytes(StandardCharsets.US_ASCII);
      assertEquals(
          "ed3fa0bf7e792b6456038fd5ae5188715e02996c2c4299e565b16f5075dd78ed5bff",
          HEX.formatHex(seal(c, 0, false, zero)));
      assertEquals(
          "7569d1f28e41e5f8ce008f69f200fc3b", HEX.formatHex(seal(c, 1, true, new byte[0])));
      byte[] xs = new byte[40];
      Arrays.fill(xs, (byte) 'x');
      String big =
          "da947ebdd2050af029d449e0b21a44c8dadd2abcd5a0e864891bab5f8c6014cbe4a6bd1a795beab0"
              + "b99caf0bf7b73b76cd7647495eb2cb1c";
      assertEquals(big, HEX.formatHex(seal(c, 0x0102030405060708L, true, xs)));
      assertArrayEquals(xs, open(c, 0x0102030405060708L, true, HEX.parseHex(big)));
    }
  }

  @Test
  void shouldLayOutNonceAndAadAsDocumented() {
    assertEquals(
        "000000000102030405060708", HEX.formatHex(SegmentCipher.nonce(0x0102030405060708L)));
    assertEquals("000000007fffffffffffffff", HEX.formatHex(SegmentCipher.nonce(Long.MAX_VALUE)));
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      assertEquals(
          HEX.formatHex("cairn/v1/segment".getBytes(StandardCharsets.US_ASCII))
              + FILE_ID.toHex()
              + "0000000000000005"
              + "01",
          HEX.formatHex(c.aad(5, true)));
      assertEquals(57, c.aad(5, false).length);
      assertTrue(HEX.formatHex(c.aad(5, false)).endsWith("000000000000000500"));
    }
    assertThrows(IllegalArgumentException.class, () -> SegmentCipher.nonce(-1));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void shouldRoundTripManySizes(long seed) throws AEADBadTagException {
    SplittableRandom r = new SplittableRandom(seed);
    List<Integer> sizes =
        new ArrayList<>(List.of(0, 1, 15, 16, 17, 255, 4096, 65535, 65536, 65537, (1 << 20) + 3));
    for (int i = 0; i < 8; i++) {
      sizes.add(r.nextInt(300_000));
    }
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      long index = 0;
      for (int size : sizes) {
        String msg = "seed " + seed + " size " + size;
        byte[] plain = random(r, size);
        boolean last = r.nextBoolean();
        int off = r.nextInt(64);
        // separate buffers at offsets
        byte[] in = new byte[off + size + 7];
        System.arraycopy(plain, 0, in, off, size);
        byte[] sealed = new byte[size + 16 + 5];
        assertEquals(size + 16, c.seal(index, last, in, off, size, sealed, 5), msg);
        byte[] back = new byte[size + 3];
        assertEquals(size, c.open(index, last, sealed, 5, size + 16, back, 3), msg);
        assertArrayEquals(plain, Arrays.copyOfRange(back, 3, 3 + size), msg);
        index++;
        // in place
        byte[] buf = Arrays.copyOf(plain, size + 16);
        c.seal(index, last, buf, 0, size, buf, 0);
        assertArrayEquals(
            Arrays.copyOfRange(buf, 0, size + 16),
            seal(c.copy(), index, last, plain),
            msg + " in place");
        c.open(index, last, buf, 0, size + 16, buf, 0);
        assertArrayEquals(plain, Arrays.copyOf(buf, size), msg + " in place");
        index++;
      }
    }
  }

  @Test
  void shouldRoundTripADefaultSizeSegment() throws AEADBadTagException {
    byte[] plain = random(new SplittableRandom(7), Segmenter.DEFAULT_SEGMENT_SIZE);
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      assertArrayEquals(plain, open(c, 3, true, seal(c, 3, true, plain)));
    }
  }

  @Test
  void shouldRejectEveryFlippedBit() {
    byte[] plain = random(new SplittableRandom(11), 33);
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      byte[] sealed = seal(c, 9, false, plain);
      for (int i = 0; i < sealed.length; i++) {
        for (int bit = 0; bit < 8; bit++) {
          byte[] bad = sealed.clone();
          bad[i] ^= (byte) (1 << bit);
          assertFailsOpen("byte " + i + " bit " + bit, () -> open(c, 9, false, bad));
        }
      }
    }
  }

  @Test
  void shouldBindIndexLastFlagFileAndKey() throws AEADBadTagException {
    byte[] plain = random(new SplittableRandom(12), 1000);
    Bytes otherFile = Bytes.wrap(new byte[32]);
    try (RootKey root = RootKey.fromArgon2Output(new byte[32]);
        SegmentCipher a = root.segmentCipher(FILE_ID);
        SegmentCipher b = root.segmentCipher(otherFile);
        SegmentCipher wrongKey = new SegmentCipher(SecretBytes.copyOf(new byte[32]), FILE_ID);
        SegmentCipher sameKeyOtherId = new SegmentCipher(root.contentKey(FILE_ID), otherFile)) {
      byte[] s0 = seal(a, 0, false, plain);
      byte[] s1 = seal(a, 1, true, plain);
      byte[] t0 = seal(b, 0, false, plain);
      assertArrayEquals(plain, open(a, 0, false, s0));
      assertArrayEquals(plain, open(b, 0, false, t0));
      assertFailsOpen("wrong index", () -> open(a, 1, false, s0));
      assertFailsOpen("reordered", () -> open(a, 0, true, s1));
      assertFailsOpen("flipped last flag: truncation", () -> open(a, 0, true, s0));
      assertFailsOpen("flipped last flag: extension", () -> open(a, 1, false, s1));
      assertFailsOpen("segment of another file", () -> open(a, 0, false, t0));
      assertFailsOpen("segment of another file", () -> open(b, 0, false, s0));
      assertFailsOpen("wrong key", () -> open(wrongKey, 0, false, s0));
      assertFailsOpen(
          "same key, other file id in the AAD", () -> open(sameKeyOtherId, 0, false, s0));
      assertFailsOpen("truncated tag", () -> open(a, 0, false, Arrays.copyOf(s0, s0.length - 1)));
      assertFailsOpen("extended", () -> open(a, 0, false, Arrays.copyOf(s0, s0.length + 1)));
      assertFailsOpen(
          "shorter than a tag", () -> a.open(0, false, new byte[15], 0, 15, new byte[0], 0));
      assertFailsOpen("empty", () -> a.open(0, false, new byte[0], 0, 0, new byte[0], 0));
    }
  }

  @Test
  void shouldWipeTheOutputOnFailure() {
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      byte[] sealed = seal(c, 0, true, random(new SplittableRandom(13), 100));
      sealed[sealed.length - 1] ^= 1;
      byte[] out = new byte[100];
      Arrays.fill(out, (byte) 0x77);
      assertFailsOpen("bad tag", () -> c.open(0, true, sealed, 0, sealed.length, out, 0));
      assertArrayEquals(new byte[100], out);
    }
  }

  @Test
  void shouldRefuseToSealTheSameIndexTwiceInARow() {
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      seal(c, 4, false, new byte[10]);
      var e = assertThrows(IllegalStateException.class, () -> seal(c, 4, false, new byte[10]));
      assertTrue(e.getMessage().contains("nonce"), e.getMessage());
      seal(c, 5, false, new byte[10]);
    }
  }

  @Test
  void shouldOpenTheSameSegmentRepeatedly() throws AEADBadTagException {
    byte[] plain = random(new SplittableRandom(14), 70_000);
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      byte[] sealed = seal(c, 2, true, plain);
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(plain, open(c, 2, true, sealed), "open " + i);
      }
    }
  }

  @Test
  void shouldRefuseOverlapsAtDifferentOffsets() {
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID)) {
      byte[] buf = new byte[300];
      var e =
          assertThrows(IllegalArgumentException.class, () -> c.seal(0, true, buf, 0, 100, buf, 1));
      assertTrue(e.getMessage().contains("overlap"), e.getMessage());
      assertEquals(116, c.seal(1, true, buf, 0, 100, buf, 100));
    }
  }

  @Test
  void shouldCheckArgumentsAndLifecycle() {
    SegmentCipher c = new SegmentCipher(KEY, FILE_ID);
    assertEquals(FILE_ID, c.fileId());
    assertTrue(c.toString().contains("redacted"));
    assertThrows(IllegalArgumentException.class, () -> seal(c, -1, false, new byte[1]));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> c.seal(0, false, new byte[10], 0, 10, new byte[25], 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SegmentCipher(SecretBytes.copyOf(new byte[16]), FILE_ID));
    assertThrows(
        IllegalArgumentException.class, () -> new SegmentCipher(KEY, Bytes.wrap(new byte[31])));
    assertEquals(116, SegmentCipher.sealedSize(100));
    assertThrows(IllegalArgumentException.class, () -> SegmentCipher.sealedSize(-1));
    assertThrows(IllegalArgumentException.class, () -> SegmentCipher.sealedSize(Integer.MAX_VALUE));
    c.close();
    assertThrows(IllegalStateException.class, () -> seal(c, 0, false, new byte[1]));
    assertThrows(IllegalStateException.class, c::copy);
  }

  @Test
  void shouldWorkWithOneCopyPerThread() throws Exception {
    try (SegmentCipher c = new SegmentCipher(KEY, FILE_ID);
        ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        SegmentCipher mine = c.copy();
        long seed = t;
        results.add(
            pool.submit(
                () -> {
                  try (mine) {
                    SplittableRandom r = new SplittableRandom(seed);
                    for (int i = 0; i < 50; i++) {
                      byte[] p = random(r, r.nextInt(5000));
                      long index = seed * 1000 + i;
                      if (!Arrays.equals(
                          p, open(mine, index, false, seal(mine, index, false, p)))) {
                        return false;
                      }
                    }
                    return true;
                  }
                }));
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
      // a copy seals exactly what the original seals
      byte[] p = new byte[77];
      assertArrayEquals(seal(c, 8, true, p), seal(c.copy(), 8, true, p));
    }
  }
}
