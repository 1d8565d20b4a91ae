/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Cuts a stream into fixed-size plaintext segments (DESIGN.md, "Upload" step 2), telling which is
 * the last, with memory bounded by the buffers the caller rotates whatever the input size.
 *
 * <p>Every segment but the last is exactly {@link #segmentSize()} bytes; the last holds the rest,
 * from 1 to {@code segmentSize} bytes, and is full when the input is an exact multiple. An empty
 * input gives one empty last segment, so every file has at least one sealed segment and a reader
 * can tell an empty file from a missing one. To know whether a full segment is the last, the
 * segmenter reads one byte ahead, which it carries over into the next segment.
 *
 * <pre>{@code
 * Segmenter segments = new Segmenter(in, Segmenter.DEFAULT_SEGMENT_SIZE);
 * byte[] buf = new byte[SegmentCipher.sealedSize(segments.segmentSize())];
 * for (Segmenter.Segment s; (s = segments.next(buf)) != null; ) {
 *   int n = cipher.seal(s.index(), s.isLast(), buf, 0, s.length(), buf, 0); // in place
 *   ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe. Does not close the stream.
 */
public final class Segmenter {
  /** Default plaintext segment size: 4 MiB. */
  public static final int DEFAULT_SEGMENT_SIZE = 4 << 20;

  /** Smallest segment size: 64 KiB. */
  public static final int MIN_SEGMENT_SIZE = 64 << 10;

  /** Largest segment size: 64 MiB. */
  public static final int MAX_SEGMENT_SIZE = 64 << 20;

  private final InputStream in;
  private final int segmentSize;
  private final byte[] own;
  private long nextIndex;
  private boolean done;
  private int pending = -1; // the byte read ahead, or -1

  /** Segments of {@link #DEFAULT_SEGMENT_SIZE}. */
  public Segmenter(InputStream in) {
    this(in, DEFAULT_SEGMENT_SIZE);
  }

  /**
   * Segments of {@code segmentSize} bytes.
   *
   * @throws IllegalArgumentException unless {@code segmentSize} is in {@value #MIN_SEGMENT_SIZE}..
   *     {@value #MAX_SEGMENT_SIZE}
   */
  public Segmenter(InputStream in, int segmentSize) {
    this.in = Objects.requireNonNull(in, "in");
    checkSegmentSize(segmentSize);
    this.segmentSize = segmentSize;
    this.own = null;
  }

  private Segmenter(InputStream in, int segmentSize, byte[] own) {
    this.in = in;
    this.segmentSize = segmentSize;
    this.own = own;
  }

  /**
   * A segmenter that reads into one buffer of its own (of {@code sealedSize(segmentSize)} bytes, so
   * a segment can be sealed in place), for {@link #next()}.
   */
  public static Segmenter withOwnBuffer(InputStream in, int segmentSize) {
    Objects.requireNonNull(in, "in");
    checkSegmentSize(segmentSize);
    return new Segmenter(in, segmentSize, new byte[SegmentCipher.sealedSize(segmentSize)]);
  }

  /** Throws {@link IllegalArgumentException} naming the bounds unless {@code size} is in them. */
  public static void checkSegmentSize(int size) {
    if (size < MIN_SEGMENT_SIZE || size > MAX_SEGMENT_SIZE) {
      throw new IllegalArgumentException(
          "segment size must be in "
              + MIN_SEGMENT_SIZE
              + ".."
              + MAX_SEGMENT_SIZE
              + " bytes (64 KiB..64 MiB), got "
              + size);
    }
  }

  public int segmentSize() {
    return segmentSize;
  }

  /**
   * Reads the next segment into this segmenter's own buffer ({@link #withOwnBuffer}); the segment
   * is valid until the next call.
   *
   * @return the segment, or {@code null} after the last one
   */
  public Segment next() throws IOException {
    if (own == null) {
      throw new IllegalStateException(
          "this segmenter has no buffer: use withOwnBuffer or next(buf)");
    }
    return next(own);
  }

  /**
   * Reads the next segment into {@code buffer} from offset 0. Callers that pipeline (read segment
   * {@code i + 1} while {@code i} is being sealed) rotate a few buffers.
   *
   * @param buffer at least {@link #segmentSize()} bytes
   * @return the segment, or {@code null} after the last one
   */
  public Segment next(byte[] buffer) throws IOException {
    if (buffer.length < segmentSize) {
      throw new IllegalArgumentException(
          "buffer must hold a segment of " + segmentSize + " bytes, got " + buffer.length);
    }
    if (done) {
      return null;
    }
    int n = 0;
    if (pending >= 0) {
      buffer[n++] = (byte) pending;
      pending = -1;
    }
    n += in.readNBytes(buffer, n, segmentSize - n);
    boolean last;
    if (n < segmentSize) {
      last = true; // readNBytes only returns short at end of stream
    } else {
      pending = in.read();
      last = pending < 0;
    }
    done = last;
    return new Segment(nextIndex++, buffer, n, last);
  }

  /**
   * One plaintext segment: bytes {@code [0, length)} of {@link #buffer()}, valid until the buffer
   * is reused.
   */
  public static final class Segment {
    private final long index;
    private final byte[] buffer;
    private final int length;
    private final boolean last;

    Segment(long index, byte[] buffer, int length, boolean last) {
      this.index = index;
      this.buffer = buffer;
      this.length = length;
      this.last = last;
    }

    /** Position in the file, from 0. */
    public long index() {
      return index;
    }

    /** The buffer that holds the bytes, from offset 0 (not a copy). */
    public byte[] buffer() {
      return buffer;
    }

    public int length() {
      return length;
    }

    /** Whether this is the file's final segment. */
    public boolean isLast() {
      return last;
    }

    @Override
    public String toString() {
      return "Segment[index=" + index + ", length=" + length + ", last=" + last + "]";
    }
  }
}
