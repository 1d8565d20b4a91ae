/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.crypto;

import io.cairn.protocol.Bytes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ed25519 signatures (RFC 8032, pure, no pre-hash, no context) on raw 32-byte keys, and the libp2p
 * protobuf key encodings.
 *
 * <p>Backed by BouncyCastle's low-level {@code org.bouncycastle.math.ec.rfc8032.Ed25519}, which
 * measured several times faster than the JDK's {@code Signature("Ed25519")} on this project's
 * benchmark ({@code Ed25519Bench}). Verification follows RFC 8032 §5.1.7: it rejects a signature
 * whose S is not below the group order and a key or R that is not a canonical point encoding.
 */
public final class Ed25519 {
  /** Length of a raw public key. */
  public static final int PUBLIC_KEY_LENGTH = 32;

  /** Length of a private key seed. */
  public static final int SEED_LENGTH = 32;

  /** Length of a signature. */
  public static final int SIGNATURE_LENGTH = 64;

  /** libp2p {@code KeyType.Ed25519}. */
  private static final int LIBP2P_KEY_TYPE_ED25519 = 1;

  private static final String[] LIBP2P_KEY_TYPES = {"RSA", "Ed25519", "Secp256k1", "ECDSA"};

  private Ed25519() {}

  /**
   * A raw Ed25519 public key: the 32-byte RFC 8032 encoding (little-endian y, x parity in the top
   * bit). Not checked to be a curve point: a key that is not one simply verifies nothing.
   *
   * @param raw the 32 bytes
   */
  public record PublicKey(Bytes raw) {
    public PublicKey {
      Objects.requireNonNull(raw, "raw");
      if (raw.size() != PUBLIC_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "Ed25519 public key must be 32 bytes, got " + raw.size());
      }
    }

    /** A key from 32 raw bytes (copied). */
    public static PublicKey of(byte[] raw32) {
      return new PublicKey(Bytes.copyOf(raw32));
    }

    /** Whether {@code signature} is this key's valid signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
      return Ed25519.verify(this, message, signature);
    }

    /** libp2p {@code PublicKey} protobuf: {@code 08 01 12 20 <32-byte key>} (36 bytes). */
    public byte[] toProtobuf() {
      byte[] out = new byte[4 + PUBLIC_KEY_LENGTH];
      out[0] = 0x08;
      out[1] = LIBP2P_KEY_TYPE_ED25519;
      out[2] = 0x12;
      out[3] = PUBLIC_KEY_LENGTH;
      raw.copyTo(out, 4);
      return out;
    }

    /**
     * Decodes the libp2p {@code PublicKey} protobuf of an Ed25519 key. The encoding is required to
     * be the deterministic one libp2p mandates (fields in order, nothing else).
     *
     * @throws IllegalArgumentException on any other key type or a malformed encoding
     */
    public static PublicKey fromProtobuf(byte[] encoded) {
      byte[] data = libp2pKeyData(encoded, "public");
      if (data.length != PUBLIC_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "Ed25519 public key protobuf carries " + data.length + " bytes, expected 32");
      }
      return new PublicKey(Bytes.wrap(data));
    }

    @Override
    public String toString() {
      return "Ed25519.PublicKey[" + raw.toHex() + "]";
    }
  }

  /**
   * A private key: the 32-byte RFC 8032 seed, and its public key. {@link #toString()} shows only
   * the public key; equality compares seeds in constant time.
   */
  public static final class PrivateKey {
    private final byte[] seed;
    private final PublicKey publicKey;

    private PrivateKey(byte[] seed, PublicKey publicKey) {
      this.seed = seed;
      this.publicKey = publicKey;
    }

    /** The public key of this private key. */
    public PublicKey publicKey() {
      return publicKey;
    }

    /** Signs {@code message}; the result is 64 bytes. */
    public byte[] sign(byte[] message) {
      return Ed25519.sign(this, message);
    }

    /**
     * libp2p {@code PrivateKey} protobuf: {@code 08 01 12 40 <seed> <public key>} (68 bytes). A
     * secret: store it with restrictive permissions and never log it.
     */
    public byte[] toProtobuf() {
      byte[] out = new byte[4 + SEED_LENGTH + PUBLIC_KEY_LENGTH];
      out[0] = 0x08;
      out[1] = LIBP2P_KEY_TYPE_ED25519;
      out[2] = 0x12;
      out[3] = SEED_LENGTH + PUBLIC_KEY_LENGTH;
      System.arraycopy(seed, 0, out, 4, SEED_LENGTH);
      publicKey.raw().copyTo(out, 4 + SEED_LENGTH);
      return out;
    }

    /**
     * Decodes the libp2p {@code PrivateKey} protobuf of an Ed25519 key: 64 bytes {@code seed ||
     * public} or the older 96-byte {@code seed || public || public}. The public key copies must
     * match the one derived from the seed.
     *
     * @throws IllegalArgumentException on another key type, a malformed encoding, or a mismatch
     */
    public static PrivateKey fromProtobuf(byte[] encoded) {
      byte[] data = libp2pKeyData(encoded, "private");
      if (data.length != 64 && data.length != 96) {
        throw new IllegalArgumentException(
            "Ed25519 private key protobuf carries " + data.length + " bytes, expected 64 or 96");
      }
      try {
        KeyPair kp = fromSeed(Arrays.copyOf(data, SEED_LENGTH));
        byte[] expected = kp.publicKey().raw().toArray();
        for (int off = SEED_LENGTH; off < data.length; off += PUBLIC_KEY_LENGTH) {
          if (!MessageDigest.isEqual(
              expected, Arrays.copyOfRange(data, off, off + PUBLIC_KEY_LENGTH))) {
            throw new IllegalArgumentException(
                "Ed25519 private key protobuf: public key does not match the seed");
          }
        }
        return kp.privateKey();
      } finally {
        Arrays.fill(data, (byte) 0);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PrivateKey other && MessageDigest.isEqual(seed, other.seed);
    }

    @Override
    public int hashCode() {
      return publicKey.hashCode();
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
      return "Ed25519.PrivateKey[public=" + publicKey.raw().toHex() + "]";
    }
  }

  /**
   * A private key and its public key.
   *
   * @param privateKey the private key
   * @param publicKey its public key
   */
  public record KeyPair(PrivateKey privateKey, PublicKey publicKey) {
    public KeyPair {
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(publicKey, "publicKey");
      if (!privateKey.publicKey().equals(publicKey)) {
        throw new IllegalArgumentException("public key does not belong to the private key");
      }
    }
  }

  /** A new random key pair. */
  public static KeyPair generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    try {
      return fromSeed(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The key pair of a 32-byte RFC 8032 seed (copied). */
  public static KeyPair fromSeed(byte[] seed32) {
    Objects.requireNonNull(seed32, "seed32");
    if (seed32.length != SEED_LENGTH) {
      throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed32.length);
    }
    byte[] seed = seed32.clone();
    byte[] pub = new byte[PUBLIC_KEY_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pub, 0);
    PublicKey publicKey = new PublicKey(Bytes.wrap(pub));
    return new KeyPair(new PrivateKey(seed, publicKey), publicKey);
  }

  /** Signs {@code message} with {@code k}; the result is 64 bytes. */
  public static byte[] sign(PrivateKey k, byte[] message) {
    Objects.requireNonNull(message, "message");
    byte[] pub = k.publicKey.raw().toArray();
    byte[] sig = new byte[SIGNATURE_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        k.seed, 0, pub, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  /**
   * Whether {@code signature} is a valid RFC 8032 signature of {@code message} under {@code k}.
   * Never throws on malformed input: a signature of the wrong length, a non-canonical S or R, or a
   * key that is not a canonical point all give {@code false}.
   */
  public static boolean verify(PublicKey k, byte[] message, byte[] signature) {
    Objects.requireNonNull(k, "k");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    byte[] pub = k.raw().toArray();
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature, 0, pub, 0, message, 0, message.length);
  }

  /** Checks the deterministic libp2p key protobuf header and returns the Data field. */
  private static byte[] libp2pKeyData(byte[] encoded, String kind) {
    Objects.requireNonNull(encoded, "encoded");
    String what = "libp2p " + kind + " key protobuf";
    if (encoded.length < 4) {
      throw new IllegalArgumentException(what + " too short: " + encoded.length + " bytes");
    }
    if (encoded[0] != 0x08) {
      throw new IllegalArgumentException(what + " must start with the Type field (08)");
    }
    int type = encoded[1] & 0xff;
    if (type != LIBP2P_KEY_TYPE_ED25519) {
      String name = type < LIBP2P_KEY_TYPES.length ? LIBP2P_KEY_TYPES[type] : "unknown";
      throw new IllegalArgumentException(
          what + ": key type " + type + " (" + name + ") is not supported, only Ed25519 (1)");
    }
    if (encoded[2] != 0x12) {
      throw new IllegalArgumentException(what + ": Data field (12) must follow the Type field");
    }
    int len = encoded[3] & 0xff;
    if (len >= 0x80) {
      throw new IllegalArgumentException(
          what + ": Data length " + len + "+ is too long for Ed25519");
    }
    if (encoded.length != 4 + len) {
      throw new IllegalArgumentException(
          what + ": Data length says " + len + " bytes but " + (encoded.length - 4) + " follow");
    }
    return Arrays.copyOfRange(encoded, 4, encoded.length);
  }
}
