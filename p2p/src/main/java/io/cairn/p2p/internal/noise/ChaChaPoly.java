/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 (RFC 8439) as Noise uses it (Noise §12.3): a 96-bit nonce of 4 zero bytes
 * followed by the 64-bit message counter in little-endian order, and a 16-byte tag appended to the
 * ciphertext. One instance belongs to one direction of one connection and is not thread-safe.
 */
final class ChaChaPoly {
  static final int TAG_LENGTH = 16;
  static final int KEY_LENGTH = 32;

  private final SecretKeySpec key;
  private final Cipher cipher;
  private final byte[] nonce = new byte[12];

  ChaChaPoly(byte[] key32) {
    if (key32.length != KEY_LENGTH) {
      throw new IllegalArgumentException("ChaChaPoly key must be 32 bytes, got " + key32.length);
    }
    this.key = new SecretKeySpec(key32, "ChaCha20");
    try {
      this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks ChaCha20-Poly1305", e);
    }
  }

  private void init(int mode, long n) throws GeneralSecurityException {
    for (int i = 0; i < 8; i++) {
      nonce[4 + i] = (byte) (n >>> (8 * i));
    }
    cipher.init(mode, key, new IvParameterSpec(nonce));
  }

  /** Seals {@code pt} with nonce {@code n} and associated data {@code ad}; returns ct || tag. */
  byte[] seal(long n, byte[] ad, byte[] pt) throws GeneralSecurityException {
    init(Cipher.ENCRYPT_MODE, n);
    if (ad.length > 0) {
      cipher.updateAAD(ad);
    }
    return cipher.doFinal(pt);
  }

  /** Opens ct || tag; throws {@link javax.crypto.AEADBadTagException} if it does not verify. */
  byte[] open(long n, byte[] ad, byte[] ct) throws GeneralSecurityException {
    if (ct.length < TAG_LENGTH) {
      throw new javax.crypto.AEADBadTagException("ciphertext shorter than the 16-byte tag");
    }
    init(Cipher.DECRYPT_MODE, n);
    if (ad.length > 0) {
      cipher.updateAAD(ad);
    }
    return cipher.doFinal(ct);
  }

  /** Seals the remaining bytes of {@code in} into {@code out} with empty associated data. */
  int seal(long n, ByteBuffer in, ByteBuffer out) throws GeneralSecurityException {
    init(Cipher.ENCRYPT_MODE, n);
    return cipher.doFinal(in, out);
  }

  /**
   * Opens the remaining bytes of {@code in} (ct || tag) into {@code out}, empty associated data.
   */
  int open(long n, ByteBuffer in, ByteBuffer out) throws GeneralSecurityException {
    if (in.remaining() < TAG_LENGTH) {
      throw new javax.crypto.AEADBadTagException("ciphertext shorter than the 16-byte tag");
    }
    init(Cipher.DECRYPT_MODE, n);
    return cipher.doFinal(in, out);
  }

  /** Seals {@code len} bytes of {@code in} at {@code inOff} into {@code out} at {@code outOff}. */
  int seal(long n, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws GeneralSecurityException {
    init(Cipher.ENCRYPT_MODE, n);
    return cipher.doFinal(in, inOff, len, out, outOff);
  }

  /**
   * Seals the concatenation {@code a || b} (no copy made) into {@code out}; returns bytes written.
   */
  int seal(
      long n, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, byte[] out, int outOff)
      throws GeneralSecurityException {
    init(Cipher.ENCRYPT_MODE, n);
    int w = aLen > 0 ? cipher.update(a, aOff, aLen, out, outOff) : 0;
    return w + cipher.doFinal(b, bOff, bLen, out, outOff + w);
  }

  /** Opens {@code len} bytes (ct || tag) of {@code in} into {@code out}; returns plaintext size. */
  int open(long n, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws GeneralSecurityException {
    if (len < TAG_LENGTH) {
      throw new javax.crypto.AEADBadTagException("ciphertext shorter than the 16-byte tag");
    }
    init(Cipher.DECRYPT_MODE, n);
    return cipher.doFinal(in, inOff, len, out, outOff);
  }
}
