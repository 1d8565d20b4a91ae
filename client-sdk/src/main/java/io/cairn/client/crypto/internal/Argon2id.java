/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id version 0x13 (RFC 9106) on BouncyCastle's lightweight generator. No bounds beyond the
 * RFC's are checked here; {@code KdfParams} holds Cairn's.
 */
public final class Argon2id {
  private Argon2id() {}

  /**
   * The Argon2id tag of {@code password} (RFC 9106 §3.1 {@code P}), of {@code tagLength} bytes.
   *
   * @param secret the optional key {@code K}, or {@code null}
   * @param associatedData the optional {@code X}, or {@code null}
   */
  public static byte[] hash(
      byte[] password,
      byte[] salt,
      int memoryKiB,
      int iterations,
      int parallelism,
      byte[] secret,
      byte[] associatedData,
      int tagLength) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(salt, "salt");
    if (tagLength < 4) {
      throw new IllegalArgumentException("Argon2 tag length must be >= 4, got " + tagLength);
    }
    if (parallelism < 1 || memoryKiB < 8 * parallelism) {
      throw new IllegalArgumentException(
          "Argon2 needs parallelism >= 1 and memory >= 8 KiB per lane, got memory "
              + memoryKiB
              + " KiB for "
              + parallelism
              + " lanes");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("Argon2 iterations must be >= 1, got " + iterations);
    }
    Argon2Parameters.Builder b =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism);
    if (secret != null) {
      b.withSecret(secret);
    }
    if (associatedData != null) {
      b.withAdditional(associatedData);
    }
    Argon2Parameters params = b.build();
    try {
      Argon2BytesGenerator gen = new Argon2BytesGenerator();
      gen.init(params);
      byte[] tag = new byte[tagLength];
      gen.generateBytes(password, tag);
      return tag;
    } finally {
      params.clear(); // wipes BouncyCastle's copies of the salt, secret and associated data
    }
  }
}
