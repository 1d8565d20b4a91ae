/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * An AES key for {@code javax.crypto.Cipher} that, unlike {@code SecretKeySpec}, can be wiped. The
 * JDK copies the key when a cipher is initialised; the round keys inside an initialised {@code
 * Cipher} are beyond our reach.
 */
public final class AesKey implements SecretKey {
  private static final long serialVersionUID = 1L;

  private final byte[] key;
  private volatile boolean destroyed;

  /** Copies {@code key} (16, 24 or 32 bytes). */
  public AesKey(byte[] key) {
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + key.length);
    }
    this.key = key.clone();
  }

  @Override
  public String getAlgorithm() {
    return "AES";
  }

  @Override
  public String getFormat() {
    return "RAW";
  }

  /** A copy, as {@link java.security.Key#getEncoded()} requires. */
  @Override
  public byte[] getEncoded() {
    if (destroyed) {
      throw new IllegalStateException("key was destroyed");
    }
    return key.clone();
  }

  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Keys are not serialized: that would copy them out of the client's control. */
  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    throw new java.io.NotSerializableException("AesKey");
  }

  @Override
  public String toString() {
    return "AesKey[" + key.length + " bytes, redacted]";
  }
}
