/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.node.service.AuditOutcome;
import io.cairn.node.service.AuditResponder;
import io.cairn.node.store.ShardInfo;
import io.cairn.node.store.ShardStore;
import io.cairn.p2p.P2pStream;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.AuditAnswer;
import io.cairn.protocol.message.AuditCall;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.ErrorReply;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cairn/audit/1.0.0}: answers an {@code AuditChallenge} through {@link AuditResponder}
 * (freshness window, durable replay refusal, CID-checked read, signed response). The shard is read
 * whole, so the read reserves its size from the memory budget.
 */
final class AuditHandler extends RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AuditHandler.class);

  private final AuditResponder responder;
  private final ShardStore shards;

  AuditHandler(HandlerContext ctx, AuditResponder responder, ShardStore shards) {
    super(ctx, AuditResponder.KIND, "AuditProtocolRequest");
    this.responder = responder;
    this.shards = shards;
  }

  @Override
  void serve(P2pStream stream, byte[] frame)
      throws IOException, ProtocolException, InterruptedException {
    AuditChallenge challenge =
        switch (AuditCall.decode(frame)) {
          case AuditChallenge c -> c;
        };
    long size = shards.info(challenge.cid()).map(ShardInfo::size).orElse(0L);
    AuditOutcome outcome;
    try (MemoryBudget.Lease _ = ctx.reserve(size)) {
      outcome = responder.respond(challenge);
    }
    if (outcome instanceof AuditOutcome.Answered) {
      LOG.debug("event=audit_answered peer={} cid={}", stream.remotePeer(), challenge.cid());
    } else {
      LOG.info(
          "event=audit_refused peer={} cid={} outcome={}",
          stream.remotePeer(),
          challenge.cid(),
          outcome.label());
    }
    answer(stream, AuditAnswer.encode(outcome.answer()));
  }

  @Override
  byte[] encodeError(ErrorReply error) {
    return AuditAnswer.encode(error);
  }
}
