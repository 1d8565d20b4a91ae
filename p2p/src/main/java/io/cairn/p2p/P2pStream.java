/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A bidirectional stream to a peer, already negotiated to one protocol id. Every call blocks and is
 * meant for virtual threads (handlers run on one); never call it from a Netty event loop.
 *
 * <p>Flow control is end to end: a write blocks while the remote's receive window is used up, so a
 * slow reader slows the writer instead of filling memory. Reads block until data arrives, the
 * remote half-closes (end of stream), or the stream is reset ({@link P2pException} with {@link
 * P2pException.Reason#STREAM_RESET}).
 *
 * <p>Restrictions: one reading thread and one writing thread at a time (they may differ). {@link
 * #out()} sends each {@code write} call as it is, so write in chunks, not byte by byte.
 */
public interface P2pStream extends AutoCloseable {
  /** The peer at the other end, as proven by its Noise handshake. */
  PeerId remotePeer();

  /** The protocol id this stream speaks. */
  String protocol();

  /** True if the remote opened this stream. */
  boolean isInbound();

  /** The bytes the remote sends; -1 after its half-close. */
  InputStream in();

  /** The bytes to send; {@code close()} half-closes like {@link #closeWrite()}. */
  OutputStream out();

  /**
   * Reads one varint-length-prefixed protobuf message.
   *
   * @param maxSize the largest message accepted, checked before anything is allocated
   * @throws java.io.EOFException if the remote half-closed before the message started
   * @throws P2pException with {@link P2pException.Reason#MESSAGE_TOO_LARGE} over {@code maxSize}
   */
  <T extends MessageLite> T readMessage(Parser<T> parser, int maxSize) throws IOException;

  /** Like {@link #readMessage}, but a clean end of stream before the message gives empty. */
  <T extends MessageLite> Optional<T> readMessageIfAny(Parser<T> parser, int maxSize)
      throws IOException;

  /** Writes one varint-length-prefixed protobuf message. */
  void writeMessage(MessageLite message) throws IOException;

  /** Half-closes: the remote reads end of stream after what was written. Idempotent. */
  void closeWrite() throws IOException;

  /** Aborts both directions at once; the remote sees a reset. Idempotent, never throws. */
  void reset();

  /** Half-closes and stops reading; unread data is discarded. Never throws. */
  @Override
  void close();
}
