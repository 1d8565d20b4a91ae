/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message.internal;

import com.google.protobuf.ByteString;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;

/** Field checks for decoding protobuf messages: each failure names the message and field. */
public final class Fields {
  private Fields() {}

  public static Cid cid(ByteString b, String field) throws ProtocolException {
    if (b.size() != Cid.BINARY_LENGTH) {
      throw malformed(field + " must be a " + Cid.BINARY_LENGTH + "-byte CID, got " + b.size());
    }
    try {
      return Cid.fromBytes(b.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(ErrorCode.MALFORMED, field + ": " + e.getMessage(), e);
    }
  }

  public static PeerId peerId(ByteString b, String field) throws ProtocolException {
    if (b.isEmpty()) {
      throw malformed(field + " is missing");
    }
    if (b.size() > Protocols.MAX_PEER_ID_LENGTH) {
      throw malformed(
          field + " is " + b.size() + " bytes, more than " + Protocols.MAX_PEER_ID_LENGTH);
    }
    try {
      return PeerId.fromBytes(b.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(ErrorCode.MALFORMED, field + ": " + e.getMessage(), e);
    }
  }

  public static Multiaddr multiaddr(ByteString b, String field) throws ProtocolException {
    if (b.size() > Multiaddr.MAX_BINARY_LENGTH) {
      throw malformed(
          field + " is " + b.size() + " bytes, more than " + Multiaddr.MAX_BINARY_LENGTH);
    }
    try {
      return Multiaddr.fromBytes(b.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(ErrorCode.MALFORMED, field + ": " + e.getMessage(), e);
    }
  }

  public static Bytes fixed(ByteString b, int length, String field) throws ProtocolException {
    if (b.size() != length) {
      throw malformed(field + " must be " + length + " bytes, got " + b.size());
    }
    return Bytes.wrap(b.toByteArray());
  }

  public static long nonNegative(long v, String field) throws ProtocolException {
    if (v < 0) {
      throw malformed(field + " must not be negative: " + v);
    }
    return v;
  }

  public static ProtocolException malformed(String message) {
    return new ProtocolException(ErrorCode.MALFORMED, message);
  }

  /** Runs a record constructor, turning its validation failure into MALFORMED. */
  public static <T> T build(String what, java.util.function.Supplier<T> constructor)
      throws ProtocolException {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(ErrorCode.MALFORMED, what + ": " + e.getMessage(), e);
    }
  }

  public static ByteString bs(Bytes b) {
    return ByteString.copyFrom(b.toArray());
  }

  public static ByteString bs(byte[] b) {
    return ByteString.copyFrom(b);
  }

  /** Checks a frame's size before parsing it. */
  public static void checkFrame(byte[] frame, String what) throws ProtocolException {
    if (frame.length > Protocols.MAX_CONTROL_MESSAGE) {
      throw new ProtocolException(
          ErrorCode.TOO_LARGE,
          what
              + " is "
              + frame.length
              + " bytes, more than the limit of "
              + Protocols.MAX_CONTROL_MESSAGE);
    }
  }

  public static ProtocolException unparsable(String what, Exception e) {
    return new ProtocolException(
        ErrorCode.MALFORMED, what + " is not valid protobuf: " + e.getMessage(), e);
  }
}
