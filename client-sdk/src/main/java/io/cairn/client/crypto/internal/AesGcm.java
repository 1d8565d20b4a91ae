/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-GCM with a 96-bit nonce and a 128-bit tag (NIST SP 800-38D) over the JDK's ciphers, fed in
 * chunks so that large messages run at the speed of the JDK's AES-GCM intrinsics. Not thread-safe;
 * give each thread its own ({@link #copy()}).
 *
 * <p><b>Why chunks.</b> The JDK (checked on 25) runs one {@code doFinal} over megabytes through
 * {@code GaloisCounterMode.implGCMCrypt}, which reaches its AVX-512/VAES intrinsic only once that
 * method is compiled; a few large calls per second never get it compiled, and such calls stay at
 * about 80 MB/s. {@code update} calls of 64 KiB warm it within milliseconds and run at 9 GB/s.
 * AeadBench measures both.
 *
 * <p><b>How opening is chunked.</b> The JDK buffers a GCM decryption whole until {@code doFinal}
 * (it must check the tag before it releases plaintext), so chunked {@code update}s do not help
 * there. Opening therefore runs two chunked passes:
 *
 * <ol>
 *   <li>AES-CTR from counter block {@code nonce ‖ 00000002} (GCM's first data block, {@code
 *       inc32(J0)}) turns the ciphertext into the candidate plaintext, written to the output;
 *   <li>AES-GCM sealing of that candidate under the same nonce and AAD reproduces exactly the
 *       received ciphertext (same keystream) and so the tag GCM would compute over it; the received
 *       tag is compared with it in constant time.
 * </ol>
 *
 * <p>That is GCM's own verification (tag = GHASH(AAD, C) xor E(J0)) with one extra AES pass, and it
 * outputs no ciphertext nor tag that the attacker has not already seen. On a mismatch the output is
 * zeroed before the exception. The CTR counter never carries past its low 32 bits (a message is
 * below 2^31 bytes, 2^27 blocks), so the JDK's 128-bit CTR increment equals GCM's {@code inc32}.
 * With chunk size 0 this class uses one JDK {@code doFinal} each way instead; the Wycheproof test
 * runs both.
 */
public final class AesGcm implements AutoCloseable {
  public static final int NONCE_SIZE = 12;
  public static final int TAG_SIZE = 16;

  /** The chunk size the client uses: 64 KiB. */
  public static final int DEFAULT_CHUNK = 64 << 10;

  private static final String GCM = "AES/GCM/NoPadding";
  private static final String CTR = "AES/CTR/NoPadding";

  private final AesKey key;
  private final int chunk;
  private final Cipher sealer;
  private final Cipher verifier;
  private final Cipher ctr;
  private final byte[] scratch;
  private final byte[] counterBlock = new byte[16];

  /**
   * @param key 16, 24 or 32 bytes, copied
   * @param chunk bytes per {@code Cipher.update}, a positive multiple of 16, or 0 for single JDK
   *     {@code doFinal} calls
   */
  public AesGcm(byte[] key, int chunk) {
    if (chunk < 0 || chunk % 16 != 0) {
      throw new IllegalArgumentException(
          "chunk must be 0 or a positive multiple of 16, got " + chunk);
    }
    this.key = new AesKey(key);
    this.chunk = chunk;
    this.sealer = cipher(GCM);
    this.verifier = chunk > 0 ? cipher(GCM) : null;
    this.ctr = chunk > 0 ? cipher(CTR) : null;
    this.scratch = chunk > 0 ? new byte[chunk + 2 * TAG_SIZE] : null;
  }

  /** A fresh instance with the same key and chunking, for another thread. */
  public AesGcm copy() {
    byte[] k = key.getEncoded();
    try {
      return new AesGcm(k, chunk);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  /**
   * Writes ciphertext ‖ tag ({@code len + 16} bytes) to {@code out} at {@code outOff}. {@code out}
   * may be {@code in} at the same offset; otherwise the ranges must not overlap.
   *
   * @throws IllegalStateException if the previous seal of this instance used the same nonce (the
   *     JDK refuses it), or the key was destroyed
   */
  public int seal(byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff) {
    checkNonce(nonce);
    Objects.checkFromIndexSize(off, len, in.length);
    if (len > Integer.MAX_VALUE - TAG_SIZE) {
      throw new IllegalArgumentException("plaintext too long: " + len);
    }
    int sealed = len + TAG_SIZE;
    Objects.checkFromIndexSize(outOff, sealed, out.length);
    checkOverlap(in, off, len, out, outOff, sealed);
    try {
      sealer.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
    } catch (InvalidAlgorithmParameterException e) {
      throw new IllegalStateException(
          "the JDK refused to seal twice in a row with one nonce; a nonce seals one message", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused the key", e);
    }
    sealer.updateAAD(aad);
    try {
      int written = 0;
      if (chunk > 0) {
        for (int done = 0; done < len; ) {
          int n = Math.min(chunk, len - done);
          written += sealer.update(in, off + done, n, out, outOff + written);
          done += n;
        }
        written += sealer.doFinal(out, outOff + written);
      } else {
        written = sealer.doFinal(in, off, len, out, outOff);
      }
      if (written != sealed) {
        throw new IllegalStateException("AES-GCM wrote " + written + " bytes, expected " + sealed);
      }
      return written;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Checks the tag of ciphertext ‖ tag ({@code len} bytes) and writes the {@code len - 16}
   * plaintext bytes to {@code out}. {@code out} may be {@code in} at the same offset; otherwise the
   * ranges must not overlap. On failure the output range is zeroed.
   *
   * @throws AEADBadTagException if {@code len < 16} or the tag does not verify; always the same
   *     message
   */
  public int open(byte[] nonce, byte[] aad, byte[] in, int off, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    checkNonce(nonce);
    Objects.checkFromIndexSize(off, len, in.length);
    if (len < TAG_SIZE) {
      throw failed();
    }
    int plainLen = len - TAG_SIZE;
    Objects.checkFromIndexSize(outOff, plainLen, out.length);
    checkOverlap(in, off, len, out, outOff, plainLen);
    boolean ok = false;
    try {
      if (chunk > 0) {
        ok = openChunked(nonce, aad, in, off, plainLen, out, outOff);
      } else {
        sealer.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
        sealer.updateAAD(aad);
        ok = sealer.doFinal(in, off, len, out, outOff) == plainLen;
      }
    } catch (AEADBadTagException e) {
      ok = false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    } finally {
      if (!ok) {
        Arrays.fill(out, outOff, outOff + plainLen, (byte) 0);
      }
    }
    if (!ok) {
      throw failed();
    }
    return plainLen;
  }

  private boolean openChunked(
      byte[] nonce, byte[] aad, byte[] in, int off, int plainLen, byte[] out, int outOff)
      throws GeneralSecurityException {
    // Copied aside so that no output write can reach it, whatever the caller's layout.
    byte[] tag = Arrays.copyOfRange(in, off + plainLen, off + plainLen + TAG_SIZE);
    // Pass 1: CTR from inc32(J0) = nonce ‖ 00000002 gives the candidate plaintext.
    System.arraycopy(nonce, 0, counterBlock, 0, NONCE_SIZE);
    counterBlock[12] = 0;
    counterBlock[13] = 0;
    counterBlock[14] = 0;
    counterBlock[15] = 2;
    ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock));
    for (int done = 0; done < plainLen; ) {
      int n = Math.min(chunk, plainLen - done);
      int w = ctr.update(in, off + done, n, out, outOff + done);
      if (w != n) {
        throw new IllegalStateException("AES-CTR wrote " + w + " bytes, expected " + n);
      }
      done += n;
    }
    // Pass 2: sealing the candidate reproduces the received ciphertext and its true tag.
    GCMParameterSpec spec = new GCMParameterSpec(TAG_SIZE * 8, nonce);
    try {
      verifier.init(Cipher.ENCRYPT_MODE, key, spec);
    } catch (InvalidAlgorithmParameterException e) {
      // The JDK's guard against sealing twice with one nonce: this instance only re-derives a tag
      // over a ciphertext already public, so step through another nonce and retry.
      byte[] other = nonce.clone();
      other[0] ^= 1;
      verifier.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, other));
      verifier.init(Cipher.ENCRYPT_MODE, key, spec);
    }
    verifier.updateAAD(aad);
    for (int done = 0; done < plainLen; ) {
      int n = Math.min(chunk, plainLen - done);
      verifier.update(out, outOff + done, n, scratch, 0); // the ciphertext again: discarded
      done += n;
    }
    int tail = verifier.doFinal(scratch, 0);
    if (tail < TAG_SIZE) {
      throw new IllegalStateException("AES-GCM wrote no tag");
    }
    return MessageDigest.isEqual(tag, Arrays.copyOfRange(scratch, tail - TAG_SIZE, tail));
  }

  /** Wipes this instance's key copy; it cannot be used afterwards. */
  @Override
  public void close() {
    key.destroy();
  }

  @Override
  public String toString() {
    return "AesGcm[key redacted]";
  }

  private static void checkOverlap(
      byte[] in, int off, int len, byte[] out, int outOff, int outLen) {
    if (in == out && off != outOff && off < outOff + outLen && outOff < off + len) {
      throw new IllegalArgumentException(
          "input and output overlap at different offsets ("
              + off
              + " and "
              + outOff
              + "); use the same offset or separate ranges");
    }
  }

  private static void checkNonce(byte[] nonce) {
    if (nonce.length != NONCE_SIZE) {
      throw new IllegalArgumentException(
          "AES-GCM nonce must be " + NONCE_SIZE + " bytes, got " + nonce.length);
    }
  }

  private static Cipher cipher(String transformation) {
    try {
      return Cipher.getInstance(transformation);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + transformation, e);
    }
  }

  private static AEADBadTagException failed() {
    return new AEADBadTagException("authentication failed");
  }
}
