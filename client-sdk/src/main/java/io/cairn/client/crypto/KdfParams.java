/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import io.cairn.protocol.Bytes;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The password-hashing parameters a manifest stores so that the same password gives the same root
 * key again: Argon2id version 0x13 (RFC 9106) with a random 16-byte salt.
 *
 * <p>The bounds hold on decode as well as on build, so a manifest from an untrusted source cannot
 * make the client allocate more than {@link #MAX_MEMORY_KIB} KiB or loop for long. Every violation
 * is an {@link IllegalArgumentException} whose message names the field and its bound.
 *
 * @param algorithm always {@value #ALGORITHM}
 * @param salt {@value #SALT_SIZE} random bytes
 * @param memoryKiB Argon2 {@code m}, in KiB: {@value #MIN_MEMORY_KIB}..{@value #MAX_MEMORY_KIB} and
 *     at least 8 per lane
 * @param iterations Argon2 {@code t}: {@value #MIN_ITERATIONS}..{@value #MAX_ITERATIONS}
 * @param parallelism Argon2 {@code p} (lanes): {@value #MIN_PARALLELISM}..{@value #MAX_PARALLELISM}
 * @param version Argon2 version, always {@value #VERSION} (0x13)
 */
public record KdfParams(
    String algorithm, Bytes salt, int memoryKiB, int iterations, int parallelism, int version) {
  /** The only supported algorithm name. */
  public static final String ALGORITHM = "argon2id";

  /** Argon2 version 1.3 (0x13), the RFC 9106 version. */
  public static final int VERSION = 0x13;

  /** Salt size in bytes (RFC 9106 §3.1 recommends 16). */
  public static final int SALT_SIZE = 16;

  /** Default memory: 64 MiB. */
  public static final int DEFAULT_MEMORY_KIB = 64 * 1024;

  /** Default passes. */
  public static final int DEFAULT_ITERATIONS = 3;

  /** Default lanes. */
  public static final int DEFAULT_PARALLELISM = 1;

  /** Lower memory bound, the Argon2 minimum for one lane. */
  public static final int MIN_MEMORY_KIB = 8;

  /** Upper memory bound: 4 GiB. */
  public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;

  public static final int MIN_ITERATIONS = 1;
  public static final int MAX_ITERATIONS = 16;
  public static final int MIN_PARALLELISM = 1;
  public static final int MAX_PARALLELISM = 16;

  public KdfParams {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(salt, "salt");
    if (!ALGORITHM.equals(algorithm)) {
      throw new IllegalArgumentException(
          "kdf algorithm must be \"" + ALGORITHM + "\", got \"" + printable(algorithm) + "\"");
    }
    if (salt.size() != SALT_SIZE) {
      throw new IllegalArgumentException(
          "kdf salt must be " + SALT_SIZE + " bytes, got " + salt.size());
    }
    checkRange("kdf memoryKiB", memoryKiB, MIN_MEMORY_KIB, MAX_MEMORY_KIB);
    checkRange("kdf iterations", iterations, MIN_ITERATIONS, MAX_ITERATIONS);
    checkRange("kdf parallelism", parallelism, MIN_PARALLELISM, MAX_PARALLELISM);
    if (memoryKiB < 8 * parallelism) {
      throw new IllegalArgumentException(
          "kdf memoryKiB must be at least 8 per lane (8 * parallelism = "
              + 8 * parallelism
              + "), got "
              + memoryKiB);
    }
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "kdf version must be 0x13, got 0x" + Integer.toHexString(version));
    }
  }

  /** The given salt and cost, with the fixed algorithm and version. */
  public static KdfParams of(Bytes salt, int memoryKiB, int iterations, int parallelism) {
    return new KdfParams(ALGORITHM, salt, memoryKiB, iterations, parallelism, VERSION);
  }

  /** A fresh random salt with the default cost (m = 64 MiB, t = 3, p = 1). */
  public static KdfParams fresh(SecureRandom random) {
    return fresh(random, DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
  }

  /** A fresh random salt with the given cost. */
  public static KdfParams fresh(
      SecureRandom random, int memoryKiB, int iterations, int parallelism) {
    byte[] salt = new byte[SALT_SIZE];
    random.nextBytes(salt);
    return of(Bytes.wrap(salt), memoryKiB, iterations, parallelism);
  }

  /** The same salt with a different cost. */
  public KdfParams withCost(int memoryKiB, int iterations, int parallelism) {
    return of(salt, memoryKiB, iterations, parallelism);
  }

  private static void checkRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be in " + min + ".." + max + ", got " + value);
    }
  }

  private static String printable(String s) {
    String cut = s.length() > 32 ? s.substring(0, 32) + "…" : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
