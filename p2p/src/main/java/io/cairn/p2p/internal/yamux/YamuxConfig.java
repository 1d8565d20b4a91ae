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
 * @param openWindow the receive window granted at once when a stream opens or is accepted (the spec
 *     allows a larger window in the SYN or ACK frame): a 1 MiB shard then crosses a fresh stream
 *     without waiting a round trip per 256 KiB. At most {@code maxWindow}.
 */
public record YamuxConfig(
    int initialWindow, int maxWindow, int maxStreams, int maxFramePayload, int openWindow) {
  public static final int SPEC_INITIAL_WINDOW = 256 * 1024;

  /** Default {@link #openWindow}: a default shard (1 MiB and a few bytes) plus its messages. */
  public static final int DEFAULT_OPEN_WINDOW = 2 * 1024 * 1024;

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
    if (openWindow < initialWindow || openWindow > maxWindow) {
      throw new IllegalArgumentException(
          "openWindow must be in " + initialWindow + ".." + maxWindow + ", got " + openWindow);
    }
  }

  /** The spec's window at open, growing to {@code maxWindow}. */
  public YamuxConfig(int initialWindow, int maxWindow, int maxStreams, int maxFramePayload) {
    this(initialWindow, maxWindow, maxStreams, maxFramePayload, initialWindow);
  }

  /** The spec's behaviour: 256 KiB at open, growing to 16 MiB. Hosts grant more at open. */
  public static YamuxConfig defaults() {
    return new YamuxConfig(SPEC_INITIAL_WINDOW, 16 * 1024 * 1024, 512, 65519 - YamuxHeader.SIZE);
  }

  /** The extra window granted in a stream's SYN or ACK frame. */
  int openGrant() {
    return openWindow - initialWindow;
  }
}
