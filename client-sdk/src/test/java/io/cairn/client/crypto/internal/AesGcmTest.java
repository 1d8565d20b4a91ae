/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked paths against the JDK's one-call AES-GCM, which the Wycheproof test pins down. */
class AesGcmTest {
  private static byte[] random(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static byte[] jdkSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plain)
      throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(aad);
    return c.doFinal(plain);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldAgreeWithTheJdkForAnySizeAndChunk(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] key = random(r, 32);
    int[] chunks = {16, 48, 4096, AesGcm.DEFAULT_CHUNK};
    try (AesGcm chunked = new AesGcm(key, chunks[r.nextInt(chunks.length)]);
        AesGcm single = new AesGcm(key, 0)) {
      for (int i = 0; i < 12; i++) {
        int size = i < 4 ? new int[] {0, 1, 16, 65536 * 2 + 5}[i] : r.nextInt(200_000);
        String msg = "seed " + seed + " size " + size;
        byte[] nonce = random(r, 12);
        byte[] aad = random(r, r.nextInt(80));
        byte[] plain = random(r, size);
        byte[] expected = jdkSeal(key, nonce, aad, plain);
        byte[] sealed = new byte[size + 16];
        chunked.seal(nonce, aad, plain, 0, size, sealed, 0);
        assertArrayEquals(expected, sealed, msg + " chunked seal");
        byte[] back = new byte[size];
        assertEquals(size, chunked.open(nonce, aad, sealed, 0, sealed.length, back, 0), msg);
        assertArrayEquals(plain, back, msg + " chunked open");
        assertEquals(size, single.open(nonce, aad, sealed, 0, sealed.length, back, 0), msg);
        assertArrayEquals(plain, back, msg + " single open");
        // a flipped bit anywhere fails both ways and leaves zeros
        byte[] bad = sealed.clone();
        bad[r.nextInt(bad.length)] ^= (byte) (1 << r.nextInt(8));
        for (AesGcm g : new AesGcm[] {chunked, single}) {
          Arrays.fill(back, (byte) 1);
          assertThrows(
              AEADBadTagException.class,
              () -> g.open(nonce, aad, bad, 0, bad.length, back, 0),
              msg);
          assertArrayEquals(new byte[size], back, msg + " output zeroed");
        }
      }
    }
  }

  @Test
  void shouldOpenTheSameNonceTwiceInARowAndRightAfterSealingIt() throws Exception {
    SplittableRandom r = new SplittableRandom(9);
    byte[] nonce = random(r, 12);
    byte[] plain = random(r, 100_000);
    try (AesGcm g = new AesGcm(random(r, 32), AesGcm.DEFAULT_CHUNK)) {
      byte[] sealed = new byte[plain.length + 16];
      g.seal(nonce, new byte[0], plain, 0, plain.length, sealed, 0);
      byte[] back = new byte[plain.length];
      for (int i = 0; i < 3; i++) {
        g.open(nonce, new byte[0], sealed, 0, sealed.length, back, 0);
        assertArrayEquals(plain, back, "open " + i);
      }
    }
  }

  @Test
  void shouldWorkInPlaceAndRefuseShiftedOverlaps() throws Exception {
    SplittableRandom r = new SplittableRandom(10);
    byte[] key = random(r, 32);
    byte[] nonce = random(r, 12);
    byte[] plain = random(r, 150_001);
    try (AesGcm g = new AesGcm(key, AesGcm.DEFAULT_CHUNK)) {
      byte[] buf = new byte[plain.length + 16 + 10];
      System.arraycopy(plain, 0, buf, 10, plain.length);
      g.seal(nonce, new byte[0], buf, 10, plain.length, buf, 10);
      assertArrayEquals(
          jdkSeal(key, nonce, new byte[0], plain), Arrays.copyOfRange(buf, 10, buf.length));
      g.open(nonce, new byte[0], buf, 10, plain.length + 16, buf, 10);
      assertArrayEquals(plain, Arrays.copyOfRange(buf, 10, 10 + plain.length));
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> g.open(nonce, new byte[0], buf, 10, plain.length + 16, buf, 0));
      assertTrue(e.getMessage().contains("overlap"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> g.seal(random(r, 12), new byte[0], buf, 0, 100, buf, 50));
      // adjacent but separate ranges in one array are fine
      g.seal(random(r, 12), new byte[0], buf, 0, 100, buf, 100);
    }
  }

  @Test
  void shouldCheckArguments() {
    assertThrows(IllegalArgumentException.class, () -> new AesGcm(new byte[32], 17));
    assertThrows(IllegalArgumentException.class, () -> new AesGcm(new byte[32], -16));
    assertThrows(IllegalArgumentException.class, () -> new AesGcm(new byte[31], 0));
    try (AesGcm g = new AesGcm(new byte[32], 16)) {
      assertThrows(
          IllegalArgumentException.class,
          () -> g.seal(new byte[16], new byte[0], new byte[1], 0, 1, new byte[17], 0));
      assertEquals("AesGcm[key redacted]", g.toString());
    }
  }
}
