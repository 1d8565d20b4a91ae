/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.CliException;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.engine.UploadEngine;
import picocli.CommandLine.Option;

/**
 * The Argon2id cost of a new manifest's password key, as hidden options (a mixin): the defaults (64
 * MiB, 3 passes, 1 lane; DESIGN.md) are what users should get. Tests and benchmarks lower them to
 * keep Argon2id out of their timings; the command warns when it is weaker than the default.
 */
public final class KdfOptions {
  @Option(
      names = "--kdf-memory",
      hidden = true,
      paramLabel = "KIB",
      description =
          "Argon2id memory in KiB (default 65536; at least 8). Weaker than default: tests only.")
  int memoryKiB = KdfParams.DEFAULT_MEMORY_KIB;

  @Option(
      names = "--kdf-iterations",
      hidden = true,
      paramLabel = "N",
      description = "Argon2id passes (default 3; 1..16).")
  int iterations = KdfParams.DEFAULT_ITERATIONS;

  @Option(
      names = "--kdf-parallelism",
      hidden = true,
      paramLabel = "N",
      description = "Argon2id lanes (default 1; 1..16).")
  int parallelism = KdfParams.DEFAULT_PARALLELISM;

  public KdfOptions() {}

  /**
   * The cost asked for.
   *
   * @throws CliException (usage) if a value is out of its range
   */
  public UploadEngine.KdfCost cost() throws CliException {
    try {
      return new UploadEngine.KdfCost(memoryKiB, iterations, parallelism);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "--kdf-memory/--kdf-iterations/--kdf-parallelism: " + e.getMessage());
    }
  }

  /** Whether the cost is below the default in memory or passes. */
  public boolean weakerThanDefault() {
    return memoryKiB < KdfParams.DEFAULT_MEMORY_KIB || iterations < KdfParams.DEFAULT_ITERATIONS;
  }

  /** {@code m=8 KiB, t=1, p=1}. */
  public String describe() {
    return "m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism;
  }
}
