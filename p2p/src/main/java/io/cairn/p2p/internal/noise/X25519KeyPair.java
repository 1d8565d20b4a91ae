/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.noise;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A raw X25519 key pair (RFC 7748): 32-byte private scalar and 32-byte public u-coordinate. The
 * Noise static key of a connection; it is not the libp2p identity key and is never stored.
 */
public final class X25519KeyPair {
  private final byte[] privateKey;
  private final byte[] publicKey;

  private X25519KeyPair(byte[] privateKey) {
    this.privateKey = privateKey;
    this.publicKey = new byte[X25519.POINT_SIZE];
    X25519.scalarMultBase(privateKey, 0, publicKey, 0);
  }

  public static X25519KeyPair generate(SecureRandom random) {
    byte[] k = new byte[X25519.SCALAR_SIZE];
    X25519.generatePrivateKey(random, k);
    return new X25519KeyPair(k);
  }

  /** A key pair from a known private key; for test vectors. */
  public static X25519KeyPair fromPrivate(byte[] private32) {
    if (private32.length != X25519.SCALAR_SIZE) {
      throw new IllegalArgumentException("X25519 private key must be 32 bytes");
    }
    return new X25519KeyPair(private32.clone());
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** DH(this, remote) per RFC 7748; false result (all-zero output) is a handshake failure. */
  byte[] dh(byte[] remotePublic) throws java.security.GeneralSecurityException {
    byte[] out = new byte[X25519.POINT_SIZE];
    if (!X25519.calculateAgreement(privateKey, 0, remotePublic, 0, out, 0)) {
      throw new java.security.GeneralSecurityException("X25519 produced the all-zero output");
    }
    return out;
  }

  @Override
  public String toString() {
    return "X25519KeyPair[private=<hidden>]";
  }
}
