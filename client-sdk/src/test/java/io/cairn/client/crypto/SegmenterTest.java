/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmenterTest {
  private static final int SEG = Segmenter.MIN_SEGMENT_SIZE;

  /** A stream that hands out at most a few bytes per read, as sockets and pipes do. */
  private static final class TrickleInputStream extends InputStream {
    private final InputStream in;
    private final SplittableRandom random;

    TrickleInputStream(byte[] data, long seed) {
      this.in = new ByteArrayInputStream(data);
      this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, Math.min(len, 1 + random.nextInt(9000)));
    }
  }

  private record Cut(long index, int length, boolean last) {}

  private static List<Cut> cut(InputStream in, int segmentSize, ByteArrayOutputStream sink)
      throws IOException {
    Segmenter s = new Segmenter(in, segmentSize);
    List<Cut> cuts = new ArrayList<>();
    byte[][] buffers = {new byte[segmentSize], new byte[segmentSize + 16]};
    for (int i = 0; ; i++) {
      Segmenter.Segment seg = s.next(buffers[i % 2]);
      if (seg == null) {
        break;
      }
      assertSame(buffers[i % 2], seg.buffer());
      sink.write(seg.buffer(), 0, seg.length());
      cuts.add(new Cut(seg.index(), seg.length(), seg.isLast()));
    }
    assertNull(s.next(buffers[0]), "stays done");
    return cuts;
  }

  private static void assertWellFormed(List<Cut> cuts, long total, int segmentSize, String msg) {
    long expectedCount = Math.max(1, (total + segmentSize - 1) / segmentSize);
    assertEquals(expectedCount, cuts.size(), msg + " segment count");
    for (int i = 0; i < cuts.size(); i++) {
      Cut c = cuts.get(i);
      boolean last = i == cuts.size() - 1;
      assertEquals(i, c.index(), msg);
      assertEquals(last, c.last(), msg + " last flag of " + i);
      long expectedLength = last ? total - (long) i * segmentSize : segmentSize;
      assertEquals(expectedLength, c.length(), msg + " length of " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void shouldCutIntoFullSegmentsAndOneLast(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int[] sizes = {
      0, 1, SEG - 1, SEG, SEG + 1, 2 * SEG, 3 * SEG + 17, r.nextInt(10 * SEG), r.nextInt(SEG)
    };
    for (int size : sizes) {
      byte[] data = new byte[size];
      r.nextBytes(data);
      for (boolean trickle : new boolean[] {false, true}) {
        String msg = "seed " + seed + " size " + size + " trickle " + trickle;
        InputStream in =
            trickle ? new TrickleInputStream(data, seed) : new ByteArrayInputStream(data);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<Cut> cuts = cut(in, SEG, sink);
        assertWellFormed(cuts, size, SEG, msg);
        assertArrayEquals(data, sink.toByteArray(), msg);
      }
    }
  }

  @Test
  void shouldGiveOneEmptyLastSegmentForEmptyInput() throws IOException {
    Segmenter s = Segmenter.withOwnBuffer(new ByteArrayInputStream(new byte[0]), SEG);
    Segmenter.Segment only = s.next();
    assertEquals(0, only.index());
    assertEquals(0, only.length());
    assertTrue(only.isLast());
    assertNull(s.next());
  }

  @Test
  void shouldNotAddAnEmptySegmentAfterAnExactMultiple() throws IOException {
    List<Cut> cuts =
        cut(new ByteArrayInputStream(new byte[4 * SEG]), SEG, new ByteArrayOutputStream());
    assertEquals(
        List.of(
            new Cut(0, SEG, false),
            new Cut(1, SEG, false),
            new Cut(2, SEG, false),
            new Cut(3, SEG, true)),
        cuts);
  }

  @Test
  void shouldStreamLongInputsThroughOneBuffer() throws IOException {
    long total = 64L * SEG + 5; // 4 MiB + 5 from a generator, never held whole
    InputStream in =
        new InputStream() {
          long left = total;

          @Override
          public int read() {
            if (left == 0) {
              return -1;
            }
            left--;
            return (int) (left & 0xff);
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left == 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
              b[off + i] = (byte) (--left);
            }
            return n;
          }
        };
    Segmenter s = Segmenter.withOwnBuffer(in, SEG);
    long seen = 0;
    long count = 0;
    byte[] first = null;
    for (Segmenter.Segment seg; (seg = s.next()) != null; count++) {
      if (first == null) {
        first = seg.buffer();
      }
      assertSame(first, seg.buffer(), "one buffer throughout");
      assertEquals(SegmentCipher.sealedSize(SEG), seg.buffer().length);
      for (int i = 0; i < seg.length(); i++) {
        assertEquals((byte) (total - 1 - seen - i), seg.buffer()[i]);
      }
      seen += seg.length();
      assertEquals(seen == total, seg.isLast());
    }
    assertEquals(total, seen);
    assertEquals(65, count);
  }

  @Test
  void shouldFeedTheCipherInPlace() throws IOException, AEADBadTagException {
    byte[] data = new byte[3 * SEG + 17];
    new SplittableRandom(21).nextBytes(data);
    Segmenter s = Segmenter.withOwnBuffer(new ByteArrayInputStream(data), SEG);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    try (SegmentCipher c =
        new SegmentCipher(
            SecretBytes.copyOf(new byte[32]), io.cairn.protocol.Bytes.wrap(new byte[32]))) {
      for (Segmenter.Segment seg; (seg = s.next()) != null; ) {
        byte[] b = seg.buffer();
        int n = c.seal(seg.index(), seg.isLast(), b, 0, seg.length(), b, 0);
        assertEquals(n, c.open(seg.index(), seg.isLast(), b, 0, n, b, 0) + 16);
        back.write(b, 0, seg.length());
      }
    }
    assertArrayEquals(data, back.toByteArray());
  }

  @Test
  void shouldBoundSegmentAndBufferSizes() {
    InputStream in = new ByteArrayInputStream(new byte[0]);
    var low = assertThrows(IllegalArgumentException.class, () -> new Segmenter(in, SEG - 1));
    assertTrue(low.getMessage().contains("65536..67108864"), low.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Segmenter(in, (64 << 20) + 1));
    new Segmenter(in, 64 << 20);
    assertEquals(4 << 20, new Segmenter(in).segmentSize());
    Segmenter s = new Segmenter(in, SEG);
    assertThrows(IllegalArgumentException.class, () -> s.next(new byte[SEG - 1]));
    assertThrows(IllegalStateException.class, s::next);
    assertFalse(Segmenter.withOwnBuffer(in, SEG).toString().isEmpty());
  }
}
