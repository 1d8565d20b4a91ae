/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.multistream;

import io.cairn.p2p.internal.wire.ProtocolViolation;
import io.cairn.p2p.internal.wire.Varints;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * multistream-select 1.0 messages: {@code uvarint(N) || UTF-8 text || '\n'}, where N counts the
 * newline.
 *
 * <pre>
 *   +-----------+----------------------+------+
 *   | uvarint N | text (N - 1 bytes)   | 0x0a |
 *   +-----------+----------------------+------+
 * </pre>
 */
public final class Multistream {
  public static final String PROTOCOL_ID = "/multistream/1.0.0";
  public static final String NA = "na";
  public static final String LS = "ls";

  /** Protocol ids are at most 1024 bytes (js-libp2p's limit), plus the newline. */
  public static final int MAX_MESSAGE_LENGTH = 1025;

  private Multistream() {}

  /** Checks a protocol id that we are about to send. */
  public static String checkProtocolId(String id) {
    if (id.isEmpty() || id.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("protocol id must be non-empty and have no newline");
    }
    if (id.getBytes(StandardCharsets.UTF_8).length + 1 > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("protocol id longer than 1024 bytes");
    }
    return id;
  }

  /** The encoded messages, back to back, as one array (one write, as the spec recommends). */
  public static byte[] encode(String... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] len = new byte[10];
    for (String line : lines) {
      byte[] text = line.getBytes(StandardCharsets.UTF_8);
      int n = Varints.write(len, 0, text.length + 1L);
      out.write(len, 0, n);
      out.writeBytes(text);
      out.write('\n');
    }
    return out.toByteArray();
  }

  public static ByteBuf encode(ByteBufAllocator alloc, String... lines) {
    byte[] bytes = encode(lines);
    return alloc.buffer(bytes.length).writeBytes(bytes);
  }

  /**
   * Decodes one message at the reader index; returns null (reader index unchanged) if it is not
   * complete yet.
   */
  public static String decode(ByteBuf in) throws ProtocolViolation {
    int start = in.readerIndex();
    long n = Varints.read(in, MAX_MESSAGE_LENGTH, "multistream message length");
    if (n == Varints.INCOMPLETE) {
      return null;
    }
    if (n == 0) {
      throw new ProtocolViolation("multistream message is empty (no newline)");
    }
    if (in.readableBytes() < n) {
      in.readerIndex(start);
      return null;
    }
    ByteBuf body = in.readSlice((int) n);
    if (body.getByte((int) n - 1) != '\n') {
      throw new ProtocolViolation("multistream message does not end with a newline");
    }
    return text(body.nioBuffer(0, (int) n - 1));
  }

  /** Reads one message from a blocking stream; throws EOFException if it ends first. */
  public static String read(InputStream in) throws IOException {
    long n = Varints.read(in, MAX_MESSAGE_LENGTH, "multistream message length");
    if (n < 0) {
      throw new EOFException("stream ended during multistream-select");
    }
    if (n == 0) {
      throw new IOException("multistream message is empty (no newline)");
    }
    byte[] body = in.readNBytes((int) n);
    if (body.length < n) {
      throw new EOFException("stream ended inside a multistream message");
    }
    if (body[body.length - 1] != '\n') {
      throw new IOException("multistream message does not end with a newline");
    }
    try {
      return text(ByteBuffer.wrap(body, 0, body.length - 1));
    } catch (ProtocolViolation e) {
      throw new IOException(e.getMessage());
    }
  }

  private static String text(ByteBuffer b) throws ProtocolViolation {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(b)
              .toString();
      if (s.indexOf('\n') >= 0) {
        throw new ProtocolViolation("multistream message has a newline inside");
      }
      return s;
    } catch (CharacterCodingException e) {
      throw new ProtocolViolation("multistream message is not UTF-8");
    }
  }
}
