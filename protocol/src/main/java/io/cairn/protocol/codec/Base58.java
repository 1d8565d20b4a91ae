/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * Base58btc (the Bitcoin alphabet), as used for libp2p peer ids ({@code 12D3KooW…}): the bytes read
 * as one big-endian number in base 58, each leading zero byte written as {@code 1}.
 *
 * <p>The conversion is quadratic in the length, so {@link #decode} refuses text longer than {@link
 * #MAX_DECODE_LENGTH} characters (identifiers are far shorter).
 */
public final class Base58 {
  /** The longest text {@link #decode} accepts. */
  public static final int MAX_DECODE_LENGTH = 1024;

  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] DECODE = new int[128];

  static {
    Arrays.fill(DECODE, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      DECODE[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  public static String encode(byte[] data) {
    Objects.requireNonNull(data, "data");
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    // log(256) / log(58) < 1.37
    byte[] digits = new byte[(data.length - zeros) * 137 / 100 + 1];
    int used = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xff;
      for (int j = 0; j < used; j++) {
        carry += (digits[j] & 0xff) << 8;
        digits[j] = (byte) (carry % 58);
        carry /= 58;
      }
      while (carry > 0) {
        digits[used++] = (byte) (carry % 58);
        carry /= 58;
      }
    }
    StringBuilder sb = new StringBuilder(zeros + used);
    sb.append("1".repeat(zeros));
    for (int j = used - 1; j >= 0; j--) {
      sb.append(ALPHABET[digits[j]]);
    }
    return sb.toString();
  }

  /**
   * Decodes base58btc text.
   *
   * @throws IllegalArgumentException if empty, too long, or on a character outside the alphabet
   *     (such as {@code 0}, {@code O}, {@code I}, {@code l})
   */
  public static byte[] decode(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int len = text.length();
    if (len == 0) {
      throw new IllegalArgumentException("base58 text is empty");
    }
    if (len > MAX_DECODE_LENGTH) {
      throw new IllegalArgumentException(
          "base58 text is " + len + " characters, more than the limit of " + MAX_DECODE_LENGTH);
    }
    int zeros = 0;
    while (zeros < len && text.charAt(zeros) == '1') {
      zeros++;
    }
    // log(58) / log(256) < 0.733
    byte[] bytes = new byte[(len - zeros) * 733 / 1000 + 1];
    int used = 0;
    for (int i = zeros; i < len; i++) {
      char c = text.charAt(i);
      int carry = c < 128 ? DECODE[c] : -1;
      if (carry < 0) {
        throw new IllegalArgumentException(
            "invalid base58 character " + Base32.describe(c) + " at index " + i);
      }
      for (int j = 0; j < used; j++) {
        carry += (bytes[j] & 0xff) * 58;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[used++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + used];
    for (int j = 0; j < used; j++) {
      out[zeros + j] = bytes[used - 1 - j];
    }
    return out;
  }
}
