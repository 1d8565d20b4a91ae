/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.cairn;

import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.codec.Varint;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The framing of every Cairn stream (docs/protocol.md, "Framing"): a frame is {@code
 * uvarint(length) || protobuf message} with {@code length <= MAX_CONTROL_MESSAGE}; shard bytes
 * travel raw, exactly as many as the preceding message announced.
 *
 * <pre>
 * +-------------------+-----------------------------+
 * | uvarint(length)   | protobuf message (length B) |
 * +-------------------+-----------------------------+
 *   1..3 bytes          at most 65536 bytes
 * </pre>
 *
 * <p>The readers check the length before allocating. A broken frame is a {@link ProtocolException}
 * ({@code MALFORMED} or {@code TOO_LARGE}) so the responder can answer with that code; a stream
 * that ends early is an {@link EOFException}.
 */
public final class CairnFrames {
  /** Raw shard bytes are written in pieces of this size (a copy out of a read-only buffer). */
  static final int CHUNK = 256 * 1024;

  private CairnFrames() {}

  /**
   * Reads one frame's protobuf bytes.
   *
   * @param what names the message in error texts, e.g. {@code StoreProtocolRequest}
   * @throws EOFException if the stream ends before or inside the frame
   * @throws ProtocolException {@code TOO_LARGE} above {@link Protocols#MAX_CONTROL_MESSAGE}, {@code
   *     MALFORMED} for a non-minimal or overlong length varint
   */
  public static byte[] read(InputStream in, String what) throws IOException, ProtocolException {
    return readIfAny(in, what)
        .orElseThrow(() -> new EOFException("stream ended before a " + what + " frame"));
  }

  /** As {@link #read}, but a clean end of stream before the frame's first byte gives empty. */
  public static Optional<byte[]> readIfAny(InputStream in, String what)
      throws IOException, ProtocolException {
    long length;
    try {
      length = Varint.read(in);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(
          ErrorCode.MALFORMED, what + " frame length: " + e.getMessage(), e);
    }
    if (length < 0) {
      return Optional.empty();
    }
    if (length > Protocols.MAX_CONTROL_MESSAGE) {
      throw new ProtocolException(
          ErrorCode.TOO_LARGE,
          what
              + " frame of "
              + length
              + " bytes is above the limit of "
              + Protocols.MAX_CONTROL_MESSAGE);
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new EOFException(
          "stream ended after " + body.length + " of a " + length + "-byte " + what + " frame");
    }
    return Optional.of(body);
  }

  /** Writes {@code uvarint(message.length) || message} in one write. */
  public static void write(OutputStream out, byte[] message) throws IOException {
    if (message.length > Protocols.MAX_CONTROL_MESSAGE) {
      throw new IllegalArgumentException(
          "frame of "
              + message.length
              + " bytes is above the limit of "
              + Protocols.MAX_CONTROL_MESSAGE);
    }
    byte[] buf = new byte[Varint.size(message.length) + message.length];
    int off = Varint.encode(message.length, buf, 0);
    System.arraycopy(message, 0, buf, off, message.length);
    out.write(buf);
  }

  /**
   * Reads exactly {@code len} raw bytes into {@code dst[off, off + len)}.
   *
   * @throws EOFException naming how many arrived if the stream ends first
   */
  public static void readExactly(InputStream in, byte[] dst, int off, int len) throws IOException {
    int n = in.readNBytes(dst, off, len);
    if (n < len) {
      throw new EOFException("stream ended after " + n + " of " + len + " shard bytes");
    }
  }

  /** Writes the remaining bytes of {@code src} in {@value #CHUNK}-byte pieces. */
  public static void writeRaw(OutputStream out, ByteBuffer src) throws IOException {
    byte[] chunk = new byte[Math.min(CHUNK, Math.max(1, src.remaining()))];
    while (src.hasRemaining()) {
      int n = Math.min(chunk.length, src.remaining());
      src.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }
}
