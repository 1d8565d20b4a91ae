/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.node.peers.PeerDirectory;
import io.cairn.p2p.P2pStream;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.PeerExchangeRequest;
import io.cairn.protocol.message.PeerExchangeResponse;
import io.cairn.protocol.message.PeerRecord;
import io.cairn.protocol.message.PeersAnswer;
import io.cairn.protocol.message.PeersCall;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cairn/peers/1.0.0}: learns the requester's own signed record if it sent one (it must be
 * the stream's authenticated peer and verify), and answers with this node's record followed by the
 * records it learned most recently.
 */
final class PeersHandler extends RequestHandler {
  /** Metrics kind label. */
  static final String KIND = "peers";

  private static final Logger LOG = LoggerFactory.getLogger(PeersHandler.class);

  private final PeerDirectory directory;

  PeersHandler(HandlerContext ctx, PeerDirectory directory) {
    super(ctx, KIND, "PeersProtocolRequest");
    this.directory = directory;
  }

  @Override
  void serve(P2pStream stream, byte[] frame) throws IOException, ProtocolException {
    long start = ctx.metrics().start();
    PeerExchangeRequest request =
        switch (PeersCall.decode(frame)) {
          case PeerExchangeRequest r -> r;
        };
    if (request.self().isPresent()) {
      PeerRecord self = request.self().get();
      if (!self.verify(stream.remotePeer())) {
        throw new ProtocolException(
            ErrorCode.MALFORMED,
            "PeerExchangeRequest.self is not a record signed by the requesting peer "
                + stream.remotePeer());
      }
      if (directory.learn(self)) {
        LOG.info("event=peer_learned peer={} addrs={} via=exchange", self.peer(), self.addrs());
      }
    }
    var records = directory.answer(request.maxPeers(), stream.remotePeer());
    answer(stream, PeersAnswer.encode(new PeerExchangeResponse(records)));
    ctx.metrics().record(KIND, "answered", start);
  }

  @Override
  byte[] encodeError(ErrorReply error) {
    return PeersAnswer.encode(error);
  }
}
