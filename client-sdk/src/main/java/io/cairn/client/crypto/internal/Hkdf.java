/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), on the JDK's {@code HmacSHA256}.
 *
 * <p>Every returned array is fresh and belongs to the caller, who should wipe it when it holds key
 * material.
 */
public final class Hkdf {
  /** Output size of SHA-256, the HKDF {@code HashLen}. */
  public static final int HASH_LEN = 32;

  /** RFC 5869 §2.3: {@code L <= 255 * HashLen}. */
  public static final int MAX_OUTPUT = 255 * HASH_LEN;

  private static final String HMAC = "HmacSHA256";

  private Hkdf() {}

  /**
   * HKDF-Extract (RFC 5869 §2.2). An empty {@code salt} means {@code HashLen} zero bytes, as the
   * RFC specifies for a salt "not provided".
   */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    Objects.requireNonNull(ikm, "ikm");
    byte[] s = salt == null || salt.length == 0 ? new byte[HASH_LEN] : salt;
    Mac mac = newMac(s);
    return mac.doFinal(ikm);
  }

  /** HKDF-Expand (RFC 5869 §2.3): {@code length} bytes of output keying material. */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    Objects.requireNonNull(prk, "prk");
    Objects.requireNonNull(info, "info");
    if (prk.length < HASH_LEN) {
      throw new IllegalArgumentException(
          "prk must be at least " + HASH_LEN + " bytes, got " + prk.length);
    }
    if (length < 0 || length > MAX_OUTPUT) {
      throw new IllegalArgumentException(
          "HKDF output length must be in 0.." + MAX_OUTPUT + ", got " + length);
    }
    Mac mac = newMac(prk);
    byte[] okm = new byte[length];
    byte[] t = new byte[HASH_LEN];
    int tLen = 0;
    try {
      for (int done = 0, counter = 1; done < length; counter++) {
        mac.update(t, 0, tLen);
        mac.update(info);
        mac.update((byte) counter);
        mac.doFinal(t, 0);
        tLen = HASH_LEN;
        int n = Math.min(HASH_LEN, length - done);
        System.arraycopy(t, 0, okm, done, n);
        done += n;
      }
    } catch (ShortBufferException e) {
      throw new AssertionError("a 32-byte buffer holds an HMAC-SHA256", e);
    } finally {
      Arrays.fill(t, (byte) 0);
    }
    return okm;
  }

  /** Extract then expand. */
  public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
    byte[] prk = extract(salt, ikm);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("HMAC key rejected", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + HMAC, e);
    }
  }
}
