/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.codec;

import java.util.Objects;

/**
 * RFC 4648 §6 base32, lower-case alphabet, no padding: the multibase {@code b} encoding used for
 * CIDv1 text ({@code bafkrei…}). Decoding is strict: only {@code a-z2-7}, no padding, a length that
 * a whole number of bytes can produce, and zero unused trailing bits, so every byte string has
 * exactly one text form.
 */
public final class Base32 {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int[] DECODE = new int[128];

  static {
    java.util.Arrays.fill(DECODE, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      DECODE[ALPHABET[i]] = i;
    }
  }

  private Base32() {}

  public static String encode(byte[] data) {
    Objects.requireNonNull(data, "data");
    StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return sb.toString();
  }

  /**
   * Decodes unpadded lower-case base32.
   *
   * @throws IllegalArgumentException naming the offending character or the bad length
   */
  public static byte[] decode(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int len = text.length();
    int rem = len % 8;
    if (rem == 1 || rem == 3 || rem == 6) {
      throw new IllegalArgumentException("base32 text has an impossible length: " + len);
    }
    byte[] out = new byte[len * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int pos = 0;
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      int v = c < 128 ? DECODE[c] : -1;
      if (v < 0) {
        throw new IllegalArgumentException(
            "invalid base32 character " + describe(c) + " at index " + i);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[pos++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
        buffer &= (1 << bits) - 1;
      }
    }
    if (buffer != 0) {
      throw new IllegalArgumentException("base32 text has non-zero trailing bits");
    }
    return out;
  }

  static String describe(char c) {
    return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
