/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest.internal;

import io.cairn.protocol.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;

/** Field checks shared by the manifest records; each throws a {@link ManifestViolation}. */
public final class Checks {
  private Checks() {}

  public static <T> T notNull(T value, String field) {
    if (value == null) {
      throw ManifestViolation.malformed(field + " is missing");
    }
    return value;
  }

  public static Bytes length(Bytes value, int length, String field) {
    notNull(value, field);
    if (value.size() != length) {
      throw ManifestViolation.malformed(
          field + " must be " + length + " bytes, got " + value.size());
    }
    return value;
  }

  public static long range(long value, long min, long max, String field) {
    if (value < min || value > max) {
      throw ManifestViolation.malformed(
          field + " is " + value + "; it must be between " + min + " and " + max);
    }
    return value;
  }

  public static int range(int value, int min, int max, String field) {
    return (int) range((long) value, min, max, field);
  }

  /** At most {@code limit} elements, else {@link ManifestViolation#overLimit}. */
  public static void count(Collection<?> values, int limit, String subject, String noun) {
    Objects.requireNonNull(values, noun);
    if (values.size() > limit) {
      throw ManifestViolation.overLimit(subject, values.size(), noun, limit);
    }
  }

  /** A lower-case identifier {@code [a-z0-9-]{1,maxLength}}, as the algorithm and cipher ids. */
  public static String identifier(String value, int maxLength, String field) {
    notNull(value, field);
    if (value.isEmpty() || value.length() > maxLength) {
      throw ManifestViolation.malformed(
          field + " must be 1 to " + maxLength + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        throw ManifestViolation.malformed(
            field + " may only use a-z, 0-9 and '-', got character U+" + hex4(c) + " at " + i);
      }
    }
    return value;
  }

  /**
   * Non-empty, well-formed Unicode, no control characters, at most {@code maxUtf8Bytes} once
   * encoded as UTF-8. Returns the UTF-8 bytes.
   */
  public static byte[] text(String value, int maxUtf8Bytes, boolean asciiOnly, String field) {
    notNull(value, field);
    if (value.isEmpty()) {
      throw ManifestViolation.malformed(field + " is empty; leave it out instead");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw ManifestViolation.malformed(
            field + " contains control character U+" + hex4(c) + " at " + i);
      }
      if (asciiOnly && c > 0x7e) {
        throw ManifestViolation.malformed(field + " must be ASCII, got U+" + hex4(c) + " at " + i);
      }
    }
    byte[] utf8;
    try {
      ByteBuffer b =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(value));
      utf8 = new byte[b.remaining()];
      b.get(utf8);
    } catch (CharacterCodingException e) {
      throw ManifestViolation.malformed(field + " is not well-formed Unicode (lone surrogate)");
    }
    if (utf8.length > maxUtf8Bytes) {
      throw ManifestViolation.tooLong(field, utf8.length, maxUtf8Bytes);
    }
    return utf8;
  }

  /** Strict UTF-8 decoding: malformed sequences are an error, never replaced. */
  public static String decodeUtf8(byte[] utf8, String field) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw ManifestViolation.malformed(field + " is not valid UTF-8");
    }
  }

  private static String hex4(char c) {
    return String.format("%04X", (int) c);
  }
}
