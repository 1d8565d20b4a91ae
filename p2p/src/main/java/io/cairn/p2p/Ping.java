/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import java.io.EOFException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The libp2p ping protocol ({@code /ipfs/ping/1.0.0}): the dialer sends 32 random bytes, the
 * listener echoes them, as often as the dialer likes on one stream. Every {@link Host} serves it.
 */
public final class Ping {
  public static final String PROTOCOL_ID = "/ipfs/ping/1.0.0";
  public static final int SIZE = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ping() {}

  /** One round trip on an open ping stream. */
  public static Duration roundTrip(P2pStream stream) throws IOException {
    byte[] sent = new byte[SIZE];
    RANDOM.nextBytes(sent);
    long start = System.nanoTime();
    stream.out().write(sent);
    byte[] got = stream.in().readNBytes(SIZE);
    long elapsed = System.nanoTime() - start;
    if (got.length < SIZE) {
      throw new EOFException("ping stream ended before the echo");
    }
    if (!MessageDigest.isEqual(sent, got)) {
      throw new P2pException(P2pException.Reason.PROTOCOL_ERROR, "ping echo differs");
    }
    return Duration.ofNanos(elapsed);
  }

  /** The listener side: echoes 32-byte pings until the dialer half-closes. */
  static void serve(P2pStream stream) throws IOException {
    byte[] buf = new byte[SIZE];
    while (true) {
      int n = stream.in().readNBytes(buf, 0, SIZE);
      if (n < SIZE) {
        return; // end of stream (a partial ping is dropped, as go-libp2p does)
      }
      stream.out().write(buf);
    }
  }
}
