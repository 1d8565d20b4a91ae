/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.node.service.RetrieveOutcome;
import io.cairn.node.service.RetrieveService;
import io.cairn.node.store.ShardInfo;
import io.cairn.node.store.ShardStore;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.cairn.CairnFrames;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.RetrieveAnswer;
import io.cairn.protocol.message.RetrieveCall;
import io.cairn.protocol.message.RetrieveRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cairn/retrieve/1.0.0}: answers a {@code RetrieveRequest} with a {@code RetrieveResponse}
 * (signed proof) followed by the shard's bytes, checked against the CID just before; a copy that
 * fails the check is quarantined and answered {@code CORRUPT}, never served.
 */
final class RetrieveHandler extends RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RetrieveHandler.class);

  private final RetrieveService retrieve;
  private final ShardStore shards;

  RetrieveHandler(HandlerContext ctx, RetrieveService retrieve, ShardStore shards) {
    super(ctx, RetrieveService.KIND, "RetrieveProtocolRequest");
    this.retrieve = retrieve;
    this.shards = shards;
  }

  @Override
  void serve(P2pStream stream, byte[] frame)
      throws IOException, ProtocolException, InterruptedException {
    RetrieveRequest request =
        switch (RetrieveCall.decode(frame)) {
          case RetrieveRequest r -> r;
        };
    long size = shards.info(request.cid()).map(ShardInfo::size).orElse(0L);
    try (MemoryBudget.Lease _ = ctx.reserve(size)) {
      switch (retrieve.retrieve(stream.remotePeer(), request)) {
        case RetrieveOutcome.Served s -> {
          CairnFrames.write(stream.out(), RetrieveAnswer.encode(s.answer()));
          CairnFrames.writeRaw(stream.out(), s.data().asReadOnlyBuffer());
          stream.closeWrite();
          LOG.debug(
              "event=shard_served peer={} cid={} size={}",
              stream.remotePeer(),
              request.cid(),
              s.data().size());
        }
        case RetrieveOutcome.Refused r -> {
          LOG.debug(
              "event=retrieve_refused peer={} cid={} code={}",
              stream.remotePeer(),
              request.cid(),
              r.answer().code());
          answer(stream, RetrieveAnswer.encode(r.answer()));
        }
      }
    }
  }

  @Override
  byte[] encodeError(ErrorReply error) {
    return RetrieveAnswer.encode(error);
  }
}
