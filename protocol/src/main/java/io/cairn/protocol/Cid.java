/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import io.cairn.protocol.codec.Base32;
import io.cairn.protocol.codec.Multihash;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A shard id: CIDv1 with codec raw (0x55) and a sha2-256 multihash, the form IPFS tooling gives raw
 * blocks. Binary form (36 bytes): {@code 01 55 12 20 <32-byte SHA-256>}; text form: multibase
 * {@code b} (lower-case base32, no padding) of the binary, always starting {@code bafkrei}.
 *
 * <p>Other CID versions, codecs or hash functions are refused with a message that names them.
 */
public final class Cid implements Comparable<Cid> {
  /** Length of the binary form. */
  public static final int BINARY_LENGTH = 36;

  /** Multicodec of raw binary blocks. */
  public static final int CODEC_RAW = 0x55;

  /** Length of the text form: "b" + 58 base32 characters. */
  public static final int TEXT_LENGTH = 59;

  private static final byte[] PREFIX = {0x01, CODEC_RAW, Multihash.SHA2_256, 0x20};

  private final byte[] binary;

  private Cid(byte[] binary) {
    this.binary = binary;
  }

  /** The CID of {@code data}: its SHA-256. */
  public static Cid of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** The CID of {@code len} bytes of {@code data} from {@code off}. */
  public static Cid of(byte[] data, int off, int len) {
    Objects.checkFromIndexSize(off, len, data.length);
    return ofDigest(Multihash.sha256Digest(data, off, len));
  }

  /** The CID whose multihash carries this SHA-256 digest (32 bytes, copied). */
  public static Cid ofDigest(byte[] sha256Digest32) {
    if (sha256Digest32.length != Multihash.SHA2_256_LENGTH) {
      throw new IllegalArgumentException(
          "SHA-256 digest must be 32 bytes, got " + sha256Digest32.length);
    }
    byte[] b = Arrays.copyOf(PREFIX, BINARY_LENGTH);
    System.arraycopy(sha256Digest32, 0, b, PREFIX.length, sha256Digest32.length);
    return new Cid(b);
  }

  /**
   * Decodes the 36-byte binary form.
   *
   * @throws IllegalArgumentException if the length is wrong or it is not CIDv1 raw sha2-256
   */
  public static Cid fromBytes(byte[] binary) {
    Objects.requireNonNull(binary, "binary");
    if (binary.length >= 2 && binary[0] == Multihash.SHA2_256 && binary[1] == 0x20) {
      throw new IllegalArgumentException("CIDv0 (bare sha2-256 multihash) is not supported");
    }
    if (binary.length != BINARY_LENGTH) {
      throw new IllegalArgumentException(
          "CID must be " + BINARY_LENGTH + " bytes, got " + binary.length);
    }
    if (binary[0] != 0x01) {
      throw new IllegalArgumentException("unsupported CID version " + (binary[0] & 0xff));
    }
    if (binary[1] != CODEC_RAW) {
      throw new IllegalArgumentException(
          "unsupported CID codec 0x" + Integer.toHexString(binary[1] & 0xff) + ", expected raw");
    }
    if (binary[2] != Multihash.SHA2_256 || binary[3] != 0x20) {
      throw new IllegalArgumentException("CID multihash must be sha2-256 with a 32-byte digest");
    }
    return new Cid(binary.clone());
  }

  /**
   * Parses the base32 text form ({@code bafkrei…}).
   *
   * @throws IllegalArgumentException with what is wrong (multibase prefix, character, length)
   */
  public static Cid parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.startsWith("Qm")) {
      throw new IllegalArgumentException("CIDv0 (Qm…) is not supported; use CIDv1 base32 text");
    }
    if (text.isEmpty() || text.charAt(0) != 'b') {
      throw new IllegalArgumentException(
          "CID text must use multibase 'b' (lower-case base32), got "
              + (text.isEmpty() ? "an empty string" : "prefix '" + text.charAt(0) + "'"));
    }
    if (text.length() != TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "CID text must be " + TEXT_LENGTH + " characters, got " + text.length());
    }
    return fromBytes(Base32.decode(text.substring(1)));
  }

  /** The 36-byte binary form (a copy). */
  public byte[] toBytes() {
    return binary.clone();
  }

  /** The 32-byte SHA-256 digest. */
  public Bytes digest() {
    return Bytes.copyOf(binary, PREFIX.length, Multihash.SHA2_256_LENGTH);
  }

  /** Whether the slice hashes to this CID (constant-time comparison of the digests). */
  public boolean matches(byte[] data, int off, int len) {
    Objects.checkFromIndexSize(off, len, data.length);
    byte[] d = Multihash.sha256Digest(data, off, len);
    return MessageDigest.isEqual(d, Arrays.copyOfRange(binary, PREFIX.length, BINARY_LENGTH));
  }

  /** Whether {@code data} hashes to this CID. */
  public boolean matches(byte[] data) {
    return matches(data, 0, data.length);
  }

  /** Whether a SHA-256 digest computed elsewhere (e.g. over a stream) is this CID's. */
  public boolean matchesDigest(byte[] sha256Digest32) {
    return sha256Digest32.length == Multihash.SHA2_256_LENGTH
        && MessageDigest.isEqual(
            sha256Digest32, Arrays.copyOfRange(binary, PREFIX.length, BINARY_LENGTH));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cid other && Arrays.equals(binary, other.binary);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(binary);
  }

  /** Order of the binary forms (unsigned), which is the order of the digests. */
  @Override
  public int compareTo(Cid o) {
    return Arrays.compareUnsigned(binary, o.binary);
  }

  /** Base32 text form, {@code bafkrei…}. */
  @Override
  public String toString() {
    return "b" + Base32.encode(binary);
  }
}
