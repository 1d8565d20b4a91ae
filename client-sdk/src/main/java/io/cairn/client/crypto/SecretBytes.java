/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * Key material: a fixed-size byte string that never shows its content in {@link #toString()},
 * compares in constant time and can be wiped with {@link #destroy()}.
 *
 * <p>Equality is content equality computed in time that depends only on the sizes; {@link
 * #hashCode()} depends only on the size, so a hash table reveals nothing of the content. After
 * {@link #destroy()} (or {@link #close()}) the bytes are zero and every accessor throws {@link
 * IllegalStateException}. Copies handed out by {@link #toByteArray()} are the caller's to wipe.
 *
 * <p>Thread-safe for concurrent reads; {@link #destroy()} while another thread reads is a misuse.
 */
public final class SecretBytes implements Destroyable, AutoCloseable {
  private final byte[] bytes;
  private volatile boolean destroyed;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code key}; the caller may wipe its array afterwards. */
  public static SecretBytes copyOf(byte[] key) {
    Objects.requireNonNull(key, "key");
    return new SecretBytes(key.clone());
  }

  /** A copy of {@code len} bytes of {@code key} from {@code off}. */
  public static SecretBytes copyOf(byte[] key, int off, int len) {
    Objects.checkFromIndexSize(off, len, key.length);
    return new SecretBytes(Arrays.copyOfRange(key, off, off + len));
  }

  /**
   * Takes ownership of {@code key} without copying: the caller must not read or change it
   * afterwards, and {@link #destroy()} wipes it.
   */
  public static SecretBytes wrap(byte[] key) {
    Objects.requireNonNull(key, "key");
    return new SecretBytes(key);
  }

  /** {@code size} bytes from {@code random}. */
  public static SecretBytes random(int size, SecureRandom random) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    byte[] b = new byte[size];
    random.nextBytes(b);
    return new SecretBytes(b);
  }

  /** Number of bytes; still known after {@link #destroy()}. */
  public int size() {
    return bytes.length;
  }

  /** A copy of the key bytes. The caller should wipe it ({@code Arrays.fill(a, (byte) 0)}). */
  public byte[] toByteArray() {
    checkLive();
    return bytes.clone();
  }

  /** Copies the key bytes into {@code dst} at {@code dstOff}. */
  public void copyTo(byte[] dst, int dstOff) {
    checkLive();
    System.arraycopy(bytes, 0, dst, dstOff, bytes.length);
  }

  /** Package-private view for the key schedule, which must not modify or leak it. */
  byte[] unsafeArray() {
    checkLive();
    return bytes;
  }

  /** Content equality in time that depends only on the sizes; false once either is destroyed. */
  public boolean constantTimeEquals(SecretBytes other) {
    if (destroyed || other.destroyed) {
      return false;
    }
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /** See {@link #constantTimeEquals(SecretBytes)}. */
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof SecretBytes other && constantTimeEquals(other));
  }

  /** Depends only on the size, so that hashing reveals nothing about the content. */
  @Override
  public int hashCode() {
    return bytes.length;
  }

  /** Overwrites the bytes with zeros. Idempotent. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Same as {@link #destroy()}, for try-with-resources. */
  @Override
  public void close() {
    destroy();
  }

  /** Size and state only, never the content. */
  @Override
  public String toString() {
    return "SecretBytes["
        + bytes.length
        + " bytes, "
        + (destroyed ? "destroyed" : "redacted")
        + "]";
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("secret was destroyed");
    }
  }
}
