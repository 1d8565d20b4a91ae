/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import io.cairn.client.crypto.internal.Argon2id;
import io.cairn.client.crypto.internal.Hkdf;
import io.cairn.protocol.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The client's key schedule (DESIGN.md, "Upload" step 1; byte layouts in docs/crypto.md).
 *
 * <pre>
 *   root  = Argon2id(password, salt, m, t, p)            32 bytes, RFC 9106, version 0x13
 *   prk   = HKDF-Extract(salt = empty, ikm = root)       RFC 5869 §2.2
 *   content key(fileId) = HKDF-Expand(prk, "cairn/v1/content" ‖ fileId, 32)
 *   manifest MAC key    = HKDF-Expand(prk, "cairn/v1/manifest-mac", 32)
 *   password check      = HKDF-Expand(prk, "cairn/v1/key-check", 16)
 * </pre>
 *
 * <p>Distinct labels give independent keys: knowing one output tells nothing about another. The
 * password check lets a manifest reader tell a wrong password (check differs) from tampering (check
 * matches, MAC does not) without decrypting anything.
 */
public final class KeySchedule {
  /** Size of the Argon2id output that roots the schedule. */
  public static final int ROOT_SIZE = 32;

  /** Size of a file id, which binds a content key to one upload. */
  public static final int FILE_ID_SIZE = 32;

  /** Size of every derived key. */
  public static final int KEY_SIZE = 32;

  /** Size of {@link RootKey#passwordCheck()}. */
  public static final int PASSWORD_CHECK_SIZE = 16;

  /** HKDF info prefix of a content key; the 32-byte file id follows. */
  public static final String CONTENT_LABEL = "cairn/v1/content";

  /** HKDF info of the manifest MAC key. */
  public static final String MANIFEST_MAC_LABEL = "cairn/v1/manifest-mac";

  /** HKDF info of the password check. */
  public static final String KEY_CHECK_LABEL = "cairn/v1/key-check";

  private KeySchedule() {}

  /**
   * Runs Argon2id over the password bytes as given. This is the costly step (about {@code m} KiB of
   * memory and {@code t} passes over it); everything after it is cheap.
   */
  public static RootKey deriveRoot(byte[] password, KdfParams params) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(params, "params");
    byte[] salt = params.salt().toArray();
    byte[] root =
        Argon2id.hash(
            password,
            salt,
            params.memoryKiB(),
            params.iterations(),
            params.parallelism(),
            null,
            null,
            ROOT_SIZE);
    try {
      return RootKey.fromArgon2Output(root);
    } finally {
      Arrays.fill(root, (byte) 0);
    }
  }

  /**
   * Encodes the password as UTF-8 after Unicode NFC normalization (so the same password typed on
   * different systems gives the same key), then {@link #deriveRoot(byte[], KdfParams)}. The encoded
   * copy is wiped afterwards; a password that is not already in NFC passes through an immutable
   * {@code String} that cannot be wiped.
   *
   * @throws IllegalArgumentException if the password holds an unpaired surrogate
   */
  public static RootKey deriveRoot(char[] password, KdfParams params) {
    Objects.requireNonNull(password, "password");
    byte[] utf8 = passwordBytes(password);
    try {
      return deriveRoot(utf8, params);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** A fresh random file id; every upload takes a new one (see docs/crypto.md, "Nonces"). */
  public static Bytes newFileId(SecureRandom random) {
    byte[] id = new byte[FILE_ID_SIZE];
    random.nextBytes(id);
    return Bytes.wrap(id);
  }

  /** NFC-normalized UTF-8 bytes of the password; the caller wipes them. */
  static byte[] passwordBytes(char[] password) {
    CharBuffer chars = CharBuffer.wrap(password);
    char[] normalized = null;
    if (!Normalizer.isNormalized(chars, Normalizer.Form.NFC)) {
      normalized = Normalizer.normalize(chars, Normalizer.Form.NFC).toCharArray();
      chars = CharBuffer.wrap(normalized);
    }
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer out = null;
    try {
      out = encoder.encode(chars);
      byte[] bytes = new byte[out.remaining()];
      out.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("password is not valid Unicode (unpaired surrogate)", e);
    } finally {
      if (out != null && out.hasArray()) {
        Arrays.fill(out.array(), (byte) 0);
      }
      if (normalized != null) {
        Arrays.fill(normalized, '\0');
      }
    }
  }

  /** {@code label} in ASCII followed by {@code suffix}. */
  static byte[] info(String label, byte[] suffix) {
    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
    byte[] info = Arrays.copyOf(l, l.length + suffix.length);
    System.arraycopy(suffix, 0, info, l.length, suffix.length);
    return info;
  }

  static byte[] expand(SecretBytes prk, byte[] info, int length) {
    return Hkdf.expand(prk.unsafeArray(), info, length);
  }
}
