/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

/**
 * Where a muxer's frames go when the layer below seals them on the calling thread (the Noise
 * transport). Frames sent by one thread reach the wire in the order that thread sent them.
 */
public interface FrameSink {
  /** Sends {@code header || data[off, off + len)} as one unit; callable from any thread. */
  void send(byte[] header, byte[] data, int off, int len);

  /** Writes everything already sent, then closes the connection. */
  void flushAndClose();
}
