/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes with content equality, for records that would otherwise hold a
 * {@code byte[]} (arrays compare by reference).
 *
 * <p>{@link #wrap(byte[])} takes ownership of the array without copying: the caller must not change
 * it afterwards. Every accessor that hands out an array returns a copy.
 */
public final class Bytes implements Comparable<Bytes> {
  /** The empty sequence. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private static final HexFormat HEX = HexFormat.of();
  private static final int TO_STRING_BYTES = 8;

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps {@code a} without copying; the caller hands over ownership and must not modify it. */
  public static Bytes wrap(byte[] a) {
    Objects.requireNonNull(a, "a");
    return a.length == 0 ? EMPTY : new Bytes(a);
  }

  /** A copy of {@code a}. */
  public static Bytes copyOf(byte[] a) {
    Objects.requireNonNull(a, "a");
    return wrap(a.clone());
  }

  /** A copy of {@code len} bytes of {@code a} starting at {@code off}. */
  public static Bytes copyOf(byte[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    return wrap(Arrays.copyOfRange(a, off, off + len));
  }

  /**
   * Parses lower- or upper-case hex with no separators.
   *
   * @throws IllegalArgumentException if {@code hex} has an odd length or a non-hex character
   */
  public static Bytes fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("hex string has an odd length: " + hex.length());
    }
    try {
      return wrap(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a hex string: " + e.getMessage(), e);
    }
  }

  /** A new array with the contents. */
  public byte[] toArray() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public byte get(int i) {
    return bytes[i];
  }

  /** Copies all bytes into {@code dst} at {@code dstOff}. */
  public void copyTo(byte[] dst, int dstOff) {
    System.arraycopy(bytes, 0, dst, dstOff, bytes.length);
  }

  /** Lower-case hex of all bytes. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  /** Content equality in time that depends only on the lengths, for MACs, tags and digests. */
  public boolean constantTimeEquals(Bytes o) {
    return MessageDigest.isEqual(bytes, o.bytes);
  }

  /** A read-only view (no copy) positioned at 0. */
  public ByteBuffer asReadOnlyBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Unsigned lexicographic order, shorter first on a common prefix. */
  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  /** Short hex: the whole content up to 8 bytes, else the first 8 bytes, "…" and the size. */
  @Override
  public String toString() {
    if (bytes.length <= TO_STRING_BYTES) {
      return HEX.formatHex(bytes);
    }
    return HEX.formatHex(bytes, 0, TO_STRING_BYTES) + "…(" + bytes.length + " bytes)";
  }
}
