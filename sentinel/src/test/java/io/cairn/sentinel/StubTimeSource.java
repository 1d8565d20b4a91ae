/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import java.time.Duration;

/** A clock the test moves by hand (as Teku's {@code StubTimeProvider}). */
final class StubTimeSource implements TimeSource {
  /** 2026-01-01T00:00:00Z. */
  static final long START = 1_767_225_600_000L;

  private long now;

  StubTimeSource() {
    this(START);
  }

  StubTimeSource(long now) {
    this.now = now;
  }

  @Override
  public long millis() {
    return now;
  }

  void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    now += d.toMillis();
  }

  void advanceMinutes(long m) {
    advance(Duration.ofMinutes(m));
  }
}
