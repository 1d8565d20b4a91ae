/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test helpers: feed bytes split at random points, and check every fed buffer was released. */
public final class Chunks {
  private final List<ByteBuf> fed = new ArrayList<>();

  /** Splits {@code data} at random points (0..4 byte chunks and larger ones, mixed). */
  public static List<byte[]> split(byte[] data, SplittableRandom rnd) {
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    while (off < data.length) {
      int n = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 5) : rnd.nextInt(1, 64);
      n = Math.min(n, data.length - off);
      out.add(java.util.Arrays.copyOfRange(data, off, off + n));
      off += n;
    }
    return out;
  }

  /**
   * Writes {@code data} into the channel in random pieces, stopping if the channel closes.
   * EmbeddedChannel rethrows any exception that reached the end of the pipeline, so an escaping
   * exception fails the test.
   */
  public void feed(EmbeddedChannel ch, byte[] data, SplittableRandom rnd) {
    for (byte[] piece : split(data, rnd)) {
      if (!ch.isOpen()) {
        return;
      }
      ByteBuf b = Unpooled.wrappedBuffer(piece);
      fed.add(b);
      ch.writeInbound(b);
      ch.runPendingTasks();
    }
  }

  /** Closes the channel and asserts that the pipeline released every buffer fed to it. */
  public void assertAllReleased(EmbeddedChannel ch, String context) {
    ch.finishAndReleaseAll();
    for (ByteBuf b : fed) {
      assertEquals(0, b.refCnt(), "an input buffer was not released; " + context);
    }
  }
}
