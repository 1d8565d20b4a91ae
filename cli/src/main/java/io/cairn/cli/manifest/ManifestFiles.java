/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import io.cairn.cli.common.Password;
import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.manifest.ManifestLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading manifest files within the limits, and deriving manifest keys from a password. */
public final class ManifestFiles {
  private ManifestFiles() {}

  /**
   * The bytes of a manifest file (binary or legacy JSON), refusing one larger than {@link
   * ManifestLimits#MAX_ENCODED_BYTES} before reading it.
   *
   * @throws ManifestException {@code TOO_LARGE} for a file over the limit
   * @throws NoSuchFileException if there is no such file
   */
  public static byte[] read(Path file) throws IOException, ManifestException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a directory, not a manifest");
    }
    long size = Files.size(file);
    if (size > ManifestLimits.MAX_ENCODED_BYTES) {
      throw tooLarge(file, Long.toString(size));
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(ManifestLimits.MAX_ENCODED_BYTES + 1);
    }
    if (bytes.length > ManifestLimits.MAX_ENCODED_BYTES) { // it grew while being read
      throw tooLarge(file, "more than " + ManifestLimits.MAX_ENCODED_BYTES);
    }
    return bytes;
  }

  private static ManifestException tooLarge(Path file, String size) {
    return new ManifestException(
        ManifestException.Reason.TOO_LARGE,
        file
            + " is "
            + size
            + " bytes; a manifest is at most "
            + ManifestLimits.MAX_ENCODED_BYTES
            + " bytes (16 MiB)");
  }

  /** Derives the manifest keys with {@code password} (Argon2id with the manifest's parameters). */
  public static ManifestCodec.KeyDerivation derivation(Password password) {
    return kdf -> {
      try (RootKey root = KeySchedule.deriveRoot(password.chars(), kdf)) {
        return ManifestKeys.from(root);
      }
    };
  }
}
