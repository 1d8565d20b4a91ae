/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Bytes;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BaseEncodingTest {
  // RFC 4648 §10 test vectors, lower-cased and without padding (multibase 'b').
  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "f, my",
    "fo, mzxq",
    "foo, mzxw6",
    "foob, mzxw6yq",
    "fooba, mzxw6ytb",
    "foobar, mzxw6ytboi"
  })
  void shouldMatchRfc4648Base32Vectors(String plain, String encoded) {
    assertEquals(encoded, Base32.encode(plain.getBytes(US_ASCII)));
    assertArrayEquals(plain.getBytes(US_ASCII), Base32.decode(encoded));
  }

  @ParameterizedTest
  @ValueSource(strings = {"MZXW6", "mzxw6=", "mzx1", "mzxw6yq0", "m", "mzx", "mzxw6y"})
  void shouldRejectMalformedBase32(String text) {
    var e = assertThrows(IllegalArgumentException.class, () -> Base32.decode(text));
    assertTrue(e.getMessage().startsWith("invalid base32") || e.getMessage().contains("length"));
  }

  @Test
  void shouldRejectNonZeroTrailingBase32Bits() {
    // "my" is 'f'; "mz" carries the same byte with a set padding bit.
    var e = assertThrows(IllegalArgumentException.class, () -> Base32.decode("mz"));
    assertTrue(e.getMessage().contains("trailing bits"), e.getMessage());
  }

  // Values computed with an independent Python big-integer implementation of base58btc;
  // the Hello World vector is also the one in the IETF base58 draft.
  @ParameterizedTest
  @CsvSource({
    "48656c6c6f20576f726c6421, 2NEpo7TZRRrLZSi2U",
    "0000287fb4cd, 11233QC4",
    "00, 1",
    "0000, 11",
    "'', ''",
    "54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f67,"
        + " 7DdiPPYtxLjCD3wA1po2rvZHTDYjkZYiEtazrfiwJcwnKCizhGFhBGHeRdx"
  })
  void shouldMatchBase58Vectors(String hex, String encoded) {
    byte[] bytes = Bytes.fromHex(hex).toArray();
    assertEquals(encoded, Base58.encode(bytes));
    if (!encoded.isEmpty()) {
      assertArrayEquals(bytes, Base58.decode(encoded));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "O", "I", "l", "12D3KooW+", "abc def", "\u00e9", ""})
  void shouldRejectBadBase58(String text) {
    var e = assertThrows(IllegalArgumentException.class, () -> Base58.decode(text));
    assertTrue(
        e.getMessage().contains("base58"), "message should name the encoding: " + e.getMessage());
  }

  @Test
  void shouldRejectOverlongBase58() {
    assertThrows(IllegalArgumentException.class, () -> Base58.decode("2".repeat(1025)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void shouldRoundTripRandomBytes(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      byte[] data = new byte[rnd.nextInt(0, 80)];
      rnd.nextBytes(data);
      for (int z = rnd.nextInt(0, 3); z > 0 && z <= data.length; z--) {
        data[z - 1] = 0;
      }
      String msg = "seed " + seed + " data " + Bytes.wrap(data).toHex();
      assertArrayEquals(data, Base32.decode(Base32.encode(data)), msg);
      if (data.length > 0) {
        assertArrayEquals(data, Base58.decode(Base58.encode(data)), msg);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void shouldOnlyThrowIllegalArgumentOnRandomText(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String chars = "abcxyz234567ABCQmO0Il1=/ \u00e9";
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(0, 20); k > 0; k--) {
        sb.append(chars.charAt(rnd.nextInt(chars.length())));
      }
      try {
        Base32.decode(sb);
      } catch (IllegalArgumentException expected) {
        // the only failure allowed
      }
      try {
        Base58.decode(sb);
      } catch (IllegalArgumentException expected) {
        // the only failure allowed
      }
    }
  }
}
