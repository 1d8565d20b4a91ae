/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.host;

import io.cairn.p2p.P2pException;
import io.cairn.p2p.internal.multistream.Multistream;
import io.cairn.p2p.internal.yamux.YamuxStream;
import java.io.IOException;
import java.util.function.Predicate;

/** multistream-select on one yamux stream, blocking; runs on virtual threads. */
final class StreamNegotiation {
  static final int MAX_PROPOSALS = 16;

  private StreamNegotiation() {}

  /** Proposes {@code protocol}; returns normally once the remote echoed it. */
  static void select(YamuxStream stream, String protocol) throws IOException {
    stream.out().write(Multistream.encode(Multistream.PROTOCOL_ID, protocol));
    String header = Multistream.read(stream.in());
    if (!Multistream.PROTOCOL_ID.equals(header)) {
      throw new P2pException(
          P2pException.Reason.PROTOCOL_ERROR, "stream did not start with multistream-select");
    }
    String answer = Multistream.read(stream.in());
    if (answer.equals(protocol)) {
      return;
    }
    if (Multistream.NA.equals(answer)) {
      throw new P2pException(
          P2pException.Reason.PROTOCOL_NOT_SUPPORTED, "remote does not serve " + protocol);
    }
    throw new P2pException(
        P2pException.Reason.PROTOCOL_ERROR, "unexpected multistream answer to " + protocol);
  }

  /**
   * Answers the remote's proposals until one is {@code supported}; returns it, or null when the
   * remote ended the stream without agreeing.
   */
  static String accept(YamuxStream stream, Predicate<String> supported) throws IOException {
    String header = Multistream.read(stream.in());
    if (!Multistream.PROTOCOL_ID.equals(header)) {
      throw new P2pException(
          P2pException.Reason.PROTOCOL_ERROR, "stream did not start with multistream-select");
    }
    stream.out().write(Multistream.encode(Multistream.PROTOCOL_ID));
    for (int i = 0; i < MAX_PROPOSALS; i++) {
      String proposal;
      try {
        proposal = Multistream.read(stream.in());
      } catch (java.io.EOFException e) {
        return null;
      }
      if (supported.test(proposal)) {
        stream.out().write(Multistream.encode(proposal));
        return proposal;
      }
      stream.out().write(Multistream.encode(Multistream.NA));
    }
    throw new P2pException(
        P2pException.Reason.PROTOCOL_ERROR, "more than " + MAX_PROPOSALS + " stream proposals");
  }
}
