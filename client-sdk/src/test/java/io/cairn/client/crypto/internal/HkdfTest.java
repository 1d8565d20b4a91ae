/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HkdfTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] range(int from, int toInclusive) {
    byte[] a = new byte[toInclusive - from + 1];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) (from + i);
    }
    return a;
  }

  /** RFC 5869 Appendix A, test cases 1-3 (SHA-256): IKM, salt, info, L, PRK, OKM. */
  static Stream<Arguments> rfc5869() {
    byte[] ikm22 = new byte[22];
    Arrays.fill(ikm22, (byte) 0x0b);
    return Stream.of(
        Arguments.of(
            "A.1 basic",
            ikm22,
            range(0x00, 0x0c),
            range(0xf0, 0xf9),
            42,
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
        Arguments.of(
            "A.2 longer inputs",
            range(0x00, 0x4f),
            range(0x60, 0xaf),
            range(0xb0, 0xff),
            82,
            "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
        Arguments.of(
            "A.3 zero-length salt and info",
            ikm22,
            new byte[0],
            new byte[0],
            42,
            "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
  }

  @ParameterizedTest(name = "RFC 5869 {0}")
  @MethodSource("rfc5869")
  void shouldMatchRfc5869(
      String name, byte[] ikm, byte[] salt, byte[] info, int length, String prk, String okm) {
    byte[] actualPrk = Hkdf.extract(salt, ikm);
    assertEquals(prk, HEX.formatHex(actualPrk), name + " PRK");
    assertEquals(okm, HEX.formatHex(Hkdf.expand(actualPrk, info, length)), name + " OKM");
    assertEquals(okm, HEX.formatHex(Hkdf.derive(salt, ikm, info, length)), name + " derive");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldGiveOutputsThatArePrefixesOfLongerOutputs(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] prk = new byte[32];
    r.nextBytes(prk);
    byte[] info = new byte[r.nextInt(40)];
    r.nextBytes(info);
    byte[] longest = Hkdf.expand(prk, info, Hkdf.MAX_OUTPUT);
    int len = r.nextInt(Hkdf.MAX_OUTPUT + 1);
    assertArrayEquals(
        Arrays.copyOf(longest, len), Hkdf.expand(prk, info, len), "seed " + seed + " len " + len);
  }

  @Test
  void shouldRejectLengthsOutsideRfcBounds() {
    byte[] prk = new byte[32];
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Hkdf.expand(prk, new byte[0], Hkdf.MAX_OUTPUT + 1));
    assertTrue(e.getMessage().contains("8160"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(prk, new byte[0], -1));
    assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(new byte[31], new byte[0], 32));
    assertEquals(0, Hkdf.expand(prk, new byte[0], 0).length);
  }
}
