/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.codec;

import io.cairn.protocol.Bytes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A multihash: {@code uvarint(code) || uvarint(length) || digest}. Cairn knows two functions:
 * sha2-256 ({@link #SHA2_256}, 32-byte digest) for content ids, and identity ({@link #IDENTITY},
 * the "digest" is the data itself, at most {@link #MAX_IDENTITY_LENGTH} bytes) for peer ids.
 *
 * @param code the multicodec of the hash function
 * @param digest the digest bytes
 */
public record Multihash(int code, Bytes digest) {
  /** Multicodec of the identity "hash". */
  public static final int IDENTITY = 0x00;

  /** Multicodec of SHA-256. */
  public static final int SHA2_256 = 0x12;

  /** Digest length of SHA-256. */
  public static final int SHA2_256_LENGTH = 32;

  /**
   * The longest identity multihash payload accepted. libp2p inlines keys up to 42 bytes; anything
   * past this bound is refused before allocating.
   */
  public static final int MAX_IDENTITY_LENGTH = 128;

  public Multihash {
    Objects.requireNonNull(digest, "digest");
    switch (code) {
      case SHA2_256 -> {
        if (digest.size() != SHA2_256_LENGTH) {
          throw new IllegalArgumentException(
              "sha2-256 multihash digest must be 32 bytes, got " + digest.size());
        }
      }
      case IDENTITY -> {
        if (digest.size() > MAX_IDENTITY_LENGTH) {
          throw new IllegalArgumentException(
              "identity multihash of "
                  + digest.size()
                  + " bytes exceeds the limit of "
                  + MAX_IDENTITY_LENGTH);
        }
      }
      default ->
          throw new IllegalArgumentException(
              "unsupported multihash function 0x" + Integer.toHexString(code));
    }
  }

  /** The sha2-256 multihash of {@code data}. */
  public static Multihash sha256(byte[] data) {
    return new Multihash(SHA2_256, Bytes.wrap(sha256Digest(data, 0, data.length)));
  }

  /** The identity multihash of {@code data} (copied). */
  public static Multihash identity(byte[] data) {
    return new Multihash(IDENTITY, Bytes.copyOf(data));
  }

  /** Binary form: {@code uvarint(code) || uvarint(length) || digest}. */
  public byte[] toBytes() {
    int n = Varint.size(code) + Varint.size(digest.size()) + digest.size();
    byte[] out = new byte[n];
    int p = Varint.encode(code, out, 0);
    p += Varint.encode(digest.size(), out, p);
    digest.copyTo(out, p);
    return out;
  }

  /**
   * Decodes a multihash that fills {@code binary} exactly.
   *
   * @throws IllegalArgumentException on a malformed, truncated, unsupported or trailing input
   */
  public static Multihash fromBytes(byte[] binary) {
    ByteBuffer buf = ByteBuffer.wrap(binary);
    Multihash mh = read(buf);
    if (buf.hasRemaining()) {
      throw new IllegalArgumentException(
          "multihash followed by " + buf.remaining() + " unexpected byte(s)");
    }
    return mh;
  }

  /**
   * Reads one multihash from {@code src}, advancing its position.
   *
   * @throws IllegalArgumentException on a malformed, truncated or unsupported input
   */
  public static Multihash read(ByteBuffer src) {
    long code = Varint.read(src);
    if (code != SHA2_256 && code != IDENTITY) {
      throw new IllegalArgumentException(
          "unsupported multihash function 0x" + Long.toHexString(code));
    }
    long len = Varint.read(src);
    long max = code == SHA2_256 ? SHA2_256_LENGTH : MAX_IDENTITY_LENGTH;
    if (len > max || (code == SHA2_256 && len != SHA2_256_LENGTH)) {
      throw new IllegalArgumentException(
          "multihash length " + len + " is invalid for function 0x" + Long.toHexString(code));
    }
    if (src.remaining() < len) {
      throw new IllegalArgumentException(
          "multihash truncated: needs " + len + " digest bytes, has " + src.remaining());
    }
    byte[] digest = new byte[(int) len];
    src.get(digest);
    return new Multihash((int) code, Bytes.wrap(digest));
  }

  /** SHA-256 of a slice; the JDK always provides it. */
  public static byte[] sha256Digest(byte[] data, int off, int len) {
    MessageDigest md = newSha256();
    md.update(data, off, len);
    return md.digest();
  }

  /** A fresh SHA-256 {@link MessageDigest}. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK provides SHA-256", e);
    }
  }
}
