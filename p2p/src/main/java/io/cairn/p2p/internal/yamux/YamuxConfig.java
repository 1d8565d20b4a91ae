/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.yamux;

/**
 * Tunables of a yamux session.
 *
 * @param initialWindow the per-stream receive window every stream starts with; the spec fixes 256
 *     KiB
 * @param maxWindow the largest a stream's receive window grows to while its reader keeps up
 * @param maxStreams streams open at once on one session, both directions together
 * @param maxFramePayload the largest Data frame body we send; 65507 makes header plus body fill one
 *     Noise frame exactly
 */
public record YamuxConfig(int initialWindow, int maxWindow, int maxStreams, int maxFramePayload) {
  public static final int SPEC_INITIAL_WINDOW = 256 * 1024;

  public YamuxConfig {
    if (initialWindow != SPEC_INITIAL_WINDOW) {
      throw new IllegalArgumentException("yamux initial window is fixed at 256 KiB by the spec");
    }
    if (maxWindow < initialWindow) {
      throw new IllegalArgumentException("maxWindow must be at least the initial window");
    }
    if (maxStreams < 1) {
      throw new IllegalArgumentException("maxStreams must be positive");
    }
    if (maxFramePayload < 1 || maxFramePayload > initialWindow) {
      throw new IllegalArgumentException("maxFramePayload must be in 1.." + initialWindow);
    }
  }

  public static YamuxConfig defaults() {
    return new YamuxConfig(SPEC_INITIAL_WINDOW, 16 * 1024 * 1024, 512, 65519 - YamuxHeader.SIZE);
  }
}
