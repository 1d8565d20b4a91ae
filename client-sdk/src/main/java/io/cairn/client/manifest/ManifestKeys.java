/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import io.cairn.client.crypto.RootKey;
import io.cairn.client.crypto.SecretBytes;
import io.cairn.protocol.Bytes;
import java.util.Objects;

/**
 * The two password-derived values the manifest needs: the MAC key that makes the auth tag, and the
 * 16-byte password check value the manifest stores in clear to tell a wrong password from
 * tampering. Both come from the key schedule ({@link RootKey#manifestMacKey()}, {@link
 * RootKey#passwordCheck()}).
 *
 * <p>{@link #toString()} shows neither value; {@link #close()} wipes the MAC key.
 *
 * @param macKey the manifest MAC key (HMAC-SHA256 key, 16 to 64 bytes; the key schedule gives 32)
 * @param passwordCheck 16 bytes
 */
public record ManifestKeys(SecretBytes macKey, Bytes passwordCheck) implements AutoCloseable {
  public ManifestKeys {
    Objects.requireNonNull(macKey, "macKey");
    Objects.requireNonNull(passwordCheck, "passwordCheck");
    if (macKey.size() < 16 || macKey.size() > 64) {
      throw new IllegalArgumentException(
          "manifest MAC key must be 16 to 64 bytes, got " + macKey.size());
    }
    if (passwordCheck.size() != Manifest.PASSWORD_CHECK_LENGTH) {
      throw new IllegalArgumentException(
          "password check must be "
              + Manifest.PASSWORD_CHECK_LENGTH
              + " bytes, got "
              + passwordCheck.size());
    }
  }

  /** The manifest keys of a root key (the root key stays the caller's to close). */
  public static ManifestKeys from(RootKey root) {
    return new ManifestKeys(root.manifestMacKey(), Bytes.wrap(root.passwordCheck()));
  }

  /** Copies both arrays. */
  public static ManifestKeys of(byte[] macKey, byte[] passwordCheck) {
    return new ManifestKeys(SecretBytes.copyOf(macKey), Bytes.copyOf(passwordCheck));
  }

  /** Wipes the MAC key. */
  @Override
  public void close() {
    macKey.destroy();
  }

  @Override
  public String toString() {
    return "ManifestKeys[macKey=<redacted>, passwordCheck=<redacted>]";
  }
}
