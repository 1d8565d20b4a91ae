/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.node.service.StoreService;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.cairn.CairnFrames;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.DeleteRequest;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.StoreAnswer;
import io.cairn.protocol.message.StoreCall;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /cairn/store/1.0.0}: a {@code StoreRequest} followed by exactly {@code size} raw bytes, or
 * a {@code DeleteRequest}. The size limit is checked when the request decodes, before any byte is
 * read; the bytes are read into one array reserved from the memory budget, then handed to {@link
 * StoreService}, which checks the CID and the quota and syncs before signing the receipt.
 */
final class StoreHandler extends RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StoreHandler.class);

  private final StoreService store;

  StoreHandler(HandlerContext ctx, StoreService store) {
    super(ctx, StoreService.KIND_STORE, "StoreProtocolRequest");
    this.store = store;
  }

  @Override
  void serve(P2pStream stream, byte[] frame)
      throws IOException, ProtocolException, InterruptedException {
    switch (StoreCall.decode(frame)) {
      case StoreRequest r -> {
        int size = (int) r.size(); // at most MAX_SHARD_SIZE: checked by decode
        var early = store.refuseBeforeReading(stream.remotePeer(), r.cid(), size);
        if (early.isPresent()) {
          // Answer first: the requester stops sending at its next chunk when an answer waits.
          // What it sent meanwhile is read and dropped, so that the answer is not lost to a reset.
          answer(stream, StoreAnswer.encode(early.get()));
          discard(stream, size);
          LOG.info(
              "event=store_refused peer={} cid={} size={} code=QUOTA_EXCEEDED before_reading=true",
              stream.remotePeer(),
              r.cid(),
              size);
          return;
        }
        StoreAnswer a;
        try (MemoryBudget.Lease _ = ctx.reserve(size)) {
          byte[] data = new byte[size];
          CairnFrames.readExactly(stream.in(), data, 0, size);
          a = store.store(stream.remotePeer(), r.cid(), data, 0, size);
        }
        if (a instanceof StoreReceipt) {
          LOG.debug(
              "event=shard_stored peer={} cid={} size={}", stream.remotePeer(), r.cid(), size);
        } else if (a instanceof ErrorReply e) {
          LOG.info(
              "event=store_refused peer={} cid={} size={} code={}",
              stream.remotePeer(),
              r.cid(),
              size,
              e.code());
        }
        answer(stream, StoreAnswer.encode(a));
      }
      case DeleteRequest d -> {
        StoreAnswer a = store.delete(stream.remotePeer(), d);
        LOG.debug("event=shard_delete peer={} cid={} answer={}", stream.remotePeer(), d.cid(), a);
        answer(stream, StoreAnswer.encode(a));
      }
    }
  }

  /** Reads and drops up to {@code size} bytes, until the requester closes its side. */
  private static void discard(P2pStream stream, int size) throws IOException {
    byte[] sink = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = stream.in().read(sink, 0, (int) Math.min(sink.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  @Override
  byte[] encodeError(ErrorReply error) {
    return StoreAnswer.encode(error);
  }
}
