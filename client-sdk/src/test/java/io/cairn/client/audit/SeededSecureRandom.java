/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/** A reproducible stand-in for a SecureRandom in tests: the same seed gives the same nonces. */
final class SeededSecureRandom extends SecureRandom {
  private final transient SplittableRandom random;

  SeededSecureRandom(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }
}
