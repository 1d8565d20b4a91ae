/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import io.cairn.client.crypto.internal.Hkdf;
import io.cairn.protocol.Bytes;
import java.security.MessageDigest;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The password-derived root of the key schedule ({@link KeySchedule}). It never leaves the client;
 * {@link #toString()} shows nothing of it. Destroy it (or close it) once the keys it gives are
 * derived.
 *
 * <p>Thread-safe for concurrent derivations.
 */
public final class RootKey implements Destroyable, AutoCloseable {
  private final SecretBytes prk;

  private RootKey(SecretBytes prk) {
    this.prk = prk;
  }

  /**
   * Roots the schedule in an Argon2id output (or any {@value KeySchedule#ROOT_SIZE}-byte uniform
   * secret). The argument is copied; the caller wipes its array.
   */
  public static RootKey fromArgon2Output(byte[] root) {
    Objects.requireNonNull(root, "root");
    if (root.length != KeySchedule.ROOT_SIZE) {
      throw new IllegalArgumentException(
          "root key must be " + KeySchedule.ROOT_SIZE + " bytes, got " + root.length);
    }
    return new RootKey(SecretBytes.wrap(Hkdf.extract(null, root)));
  }

  /**
   * The AES-256-GCM key of one file: HKDF-Expand(prk, "cairn/v1/content" ‖ fileId, 32).
   *
   * @param fileId the file's random {@value KeySchedule#FILE_ID_SIZE}-byte id
   */
  public SecretBytes contentKey(Bytes fileId) {
    checkFileId(fileId);
    byte[] info = KeySchedule.info(KeySchedule.CONTENT_LABEL, fileId.toArray());
    return SecretBytes.wrap(KeySchedule.expand(prk, info, KeySchedule.KEY_SIZE));
  }

  /** The HMAC-SHA256 key of the manifest's auth tag: HKDF-Expand(prk, "cairn/v1/manifest-mac"). */
  public SecretBytes manifestMacKey() {
    byte[] info = KeySchedule.info(KeySchedule.MANIFEST_MAC_LABEL, new byte[0]);
    return SecretBytes.wrap(KeySchedule.expand(prk, info, KeySchedule.KEY_SIZE));
  }

  /**
   * The {@value KeySchedule#PASSWORD_CHECK_SIZE}-byte value a manifest stores to tell a wrong
   * password from a tampered manifest: HKDF-Expand(prk, "cairn/v1/key-check", 16). It is not a key
   * and may be stored in the clear; like the manifest's MAC it lets an attacker test password
   * guesses offline, at the cost of one Argon2id run per guess.
   */
  public byte[] passwordCheck() {
    byte[] info = KeySchedule.info(KeySchedule.KEY_CHECK_LABEL, new byte[0]);
    return KeySchedule.expand(prk, info, KeySchedule.PASSWORD_CHECK_SIZE);
  }

  /** Compares a stored password check with this key's in constant time. */
  public boolean matchesPasswordCheck(byte[] stored) {
    Objects.requireNonNull(stored, "stored");
    byte[] mine = passwordCheck();
    return MessageDigest.isEqual(mine, stored);
  }

  /** A segment cipher for the file: its content key and id (see {@link SegmentCipher}). */
  public SegmentCipher segmentCipher(Bytes fileId) {
    try (SecretBytes key = contentKey(fileId)) {
      return new SegmentCipher(key, fileId);
    }
  }

  @Override
  public void destroy() {
    prk.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return prk.isDestroyed();
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public String toString() {
    return "RootKey[" + (isDestroyed() ? "destroyed" : "redacted") + "]";
  }

  static void checkFileId(Bytes fileId) {
    Objects.requireNonNull(fileId, "fileId");
    if (fileId.size() != KeySchedule.FILE_ID_SIZE) {
      throw new IllegalArgumentException(
          "file id must be " + KeySchedule.FILE_ID_SIZE + " bytes, got " + fileId.size());
    }
  }
}
