/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.host;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.cairn.p2p.P2pException;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.internal.wire.Varints;
import io.cairn.p2p.internal.yamux.YamuxStream;
import io.cairn.protocol.PeerId;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** A {@link P2pStream} over a yamux stream. */
final class DefaultP2pStream implements P2pStream {
  private final YamuxStream stream;
  private final PeerId remotePeer;
  private final String protocol;
  private final int maxMessageSize;

  DefaultP2pStream(YamuxStream stream, PeerId remotePeer, String protocol, int maxMessageSize) {
    this.stream = stream;
    this.remotePeer = remotePeer;
    this.protocol = protocol;
    this.maxMessageSize = maxMessageSize;
  }

  @Override
  public PeerId remotePeer() {
    return remotePeer;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public boolean isInbound() {
    return stream.isInbound();
  }

  @Override
  public InputStream in() {
    return stream.in();
  }

  @Override
  public OutputStream out() {
    return stream.out();
  }

  @Override
  public <T extends MessageLite> T readMessage(Parser<T> parser, int maxSize) throws IOException {
    return readMessageIfAny(parser, maxSize)
        .orElseThrow(() -> new EOFException("stream ended before a " + protocol + " message"));
  }

  @Override
  public <T extends MessageLite> Optional<T> readMessageIfAny(Parser<T> parser, int maxSize)
      throws IOException {
    int limit = Math.min(maxSize, maxMessageSize);
    long length = Varints.read(stream.in(), Long.MAX_VALUE >>> 1, "message length");
    if (length < 0) {
      return Optional.empty();
    }
    if (length > limit) {
      throw new P2pException(
          P2pException.Reason.MESSAGE_TOO_LARGE,
          protocol + " message of " + length + " bytes exceeds the limit of " + limit);
    }
    byte[] body = stream.in().readNBytes((int) length);
    if (body.length < length) {
      throw new EOFException("stream ended inside a " + length + "-byte message");
    }
    return Optional.of(parser.parseFrom(body));
  }

  @Override
  public void writeMessage(MessageLite message) throws IOException {
    int size = message.getSerializedSize();
    byte[] buf = new byte[Varints.size(size) + size];
    int off = Varints.write(buf, 0, size);
    com.google.protobuf.CodedOutputStream out =
        com.google.protobuf.CodedOutputStream.newInstance(buf, off, size);
    message.writeTo(out);
    out.checkNoSpaceLeft();
    stream.out().write(buf);
  }

  @Override
  public void closeWrite() throws IOException {
    stream.closeWrite();
  }

  @Override
  public void reset() {
    stream.reset();
  }

  @Override
  public void close() {
    stream.close();
  }

  @Override
  public String toString() {
    return "P2pStream[" + protocol + " with " + remotePeer + ", " + stream + "]";
  }
}
