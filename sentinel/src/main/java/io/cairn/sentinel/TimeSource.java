/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

/**
 * The sentinel's only view of time (as Teku's {@code TimeProvider}): epoch milliseconds. Adapters
 * pass {@link #system()}; tests and the simulation pass a clock they move by hand.
 */
@FunctionalInterface
public interface TimeSource {
  /** Milliseconds since the epoch. */
  long millis();

  /** The wall clock. */
  static TimeSource system() {
    return System::currentTimeMillis;
  }
}
