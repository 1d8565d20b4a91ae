/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

/**
 * A Noise CipherState (Noise §5.1): a key and a 64-bit nonce counter. Without a key it passes bytes
 * through, as the handshake requires before the first {@code MixKey}. Not thread-safe: one instance
 * serves one direction of one connection.
 */
public final class CipherState {
  /** Noise reserves 2^64-1; a connection must be closed before the counter reaches it. */
  private static final long MAX_NONCE = -1L;

  private ChaChaPoly aead;
  private byte[] key;
  private long n;

  CipherState() {}

  CipherState(byte[] key) {
    initializeKey(key);
  }

  void initializeKey(byte[] key) {
    this.key = key.clone();
    this.aead = new ChaChaPoly(key);
    this.n = 0;
  }

  /** Takes the next nonce for a message sealed elsewhere ({@link #newAead()}), in order. */
  long reserveNonce() throws GeneralSecurityException {
    return nextNonce();
  }

  /** Another cipher instance under the same key, for sealing on another thread. */
  ChaChaPoly newAead() {
    return new ChaChaPoly(key);
  }

  boolean hasKey() {
    return aead != null;
  }

  private long nextNonce() throws GeneralSecurityException {
    if (n == MAX_NONCE) {
      throw new GeneralSecurityException("Noise nonce exhausted; the connection must be closed");
    }
    return n++;
  }

  byte[] encryptWithAd(byte[] ad, byte[] plaintext) throws GeneralSecurityException {
    if (aead == null) {
      return plaintext.clone();
    }
    return aead.seal(nextNonce(), ad, plaintext);
  }

  byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws GeneralSecurityException {
    if (aead == null) {
      return ciphertext.clone();
    }
    // The nonce advances only when the message authenticates (Noise §5.1 DecryptWithAd).
    byte[] pt = aead.open(n, ad, ciphertext);
    nextNonce();
    return pt;
  }

  /**
   * Transport encryption of {@code in.remaining()} bytes into {@code out}; returns bytes written.
   */
  public int encrypt(ByteBuffer in, ByteBuffer out) throws GeneralSecurityException {
    return aead.seal(nextNonce(), in, out);
  }

  /** Transport decryption of ct || tag into {@code out}; returns plaintext bytes written. */
  public int decrypt(ByteBuffer in, ByteBuffer out) throws GeneralSecurityException {
    int written = aead.open(n, in, out);
    nextNonce();
    return written;
  }

  /** Transport encryption between arrays; returns ciphertext bytes written (len + 16). */
  public int encrypt(byte[] in, int inOff, int len, byte[] out, int outOff)
      throws GeneralSecurityException {
    return aead.seal(nextNonce(), in, inOff, len, out, outOff);
  }

  /** Transport decryption between arrays; returns plaintext bytes written (len - 16). */
  public int decrypt(byte[] in, int inOff, int len, byte[] out, int outOff)
      throws GeneralSecurityException {
    int written = aead.open(n, in, inOff, len, out, outOff);
    nextNonce();
    return written;
  }
}
