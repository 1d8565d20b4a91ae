/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.node.store.StoreException;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.StreamHandler;
import io.cairn.p2p.cairn.CairnFrames;
import io.cairn.p2p.cairn.StreamDeadline;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.ErrorReply;
import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Cairn handler does around its own exchange: the allowlist check, the shutdown gate, a
 * deadline on the whole stream, reading the request frame, and turning each failure into the
 * specific error reply (docs/protocol.md, "Errors") while the node keeps serving.
 *
 * <p>Runs on the host's virtual thread for the stream (never on a Netty event loop), so it may
 * block on disk and on flow control.
 */
abstract class RequestHandler implements StreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

  final HandlerContext ctx;
  private final String kind;
  private final String frameName;

  RequestHandler(HandlerContext ctx, String kind, String frameName) {
    this.ctx = ctx;
    this.kind = kind;
    this.frameName = frameName;
  }

  /** Serves one decoded-to-be request frame; writes the answer (and bytes) itself. */
  abstract void serve(P2pStream stream, byte[] frame)
      throws IOException, ProtocolException, InterruptedException;

  /** The protocol's reply envelope around an error. */
  abstract byte[] encodeError(ErrorReply error);

  @Override
  public final void handle(P2pStream stream) {
    PeerId remote = stream.remotePeer();
    if (!ctx.allowed(remote)) {
      LOG.info("event=request_refused reason=not_allowlisted kind={} peer={}", kind, remote);
      ctx.metrics().record(kind, "unauthorized", ctx.metrics().start());
      reply(
          stream,
          ErrorReply.of(
              ErrorCode.UNAUTHORIZED, "peer " + remote + " is not on this node's allowlist"));
      return;
    }
    if (!ctx.enter()) {
      reply(stream, ErrorReply.of(ErrorCode.INTERNAL, "this node is shutting down"));
      return;
    }
    long start = ctx.metrics().start();
    try (StreamDeadline deadline = StreamDeadline.arm(stream, ctx.requestTimeout())) {
      try {
        Optional<byte[]> frame = CairnFrames.readIfAny(stream.in(), frameName);
        if (frame.isPresent()) {
          serve(stream, frame.get());
        }
      } catch (ProtocolException e) {
        ctx.metrics().record(kind, e.code().name().toLowerCase(Locale.ROOT), start);
        LOG.debug(
            "event=request_refused kind={} peer={} code={} reason=\"{}\"",
            kind,
            remote,
            e.code(),
            e.getMessage());
        reply(stream, ErrorReply.of(e));
      } catch (StoreException e) {
        LOG.warn(
            "event=storage_failure kind={} peer={} error=\"{}\"", kind, remote, e.getMessage());
        reply(stream, ErrorReply.of(ErrorCode.INTERNAL, "this node's storage failed"));
      } catch (EOFException e) {
        // The requester half-closed inside its request: a failed exchange, say why if it listens.
        ctx.metrics().record(kind, "malformed", start);
        reply(stream, ErrorReply.of(ErrorCode.MALFORMED, e.getMessage()));
      } catch (IOException e) {
        if (deadline.expired()) {
          ctx.metrics().record(kind, "timeout", start);
          LOG.info(
              "event=request_timeout kind={} peer={} timeout={}",
              kind,
              remote,
              ctx.requestTimeout());
        } else {
          LOG.debug(
              "event=stream_failed kind={} peer={} error=\"{}\"", kind, remote, e.getMessage());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply(stream, ErrorReply.of(ErrorCode.INTERNAL, "this node is shutting down"));
      }
    } finally {
      ctx.exit();
    }
  }

  /** Writes one answer frame and half-closes. */
  static void answer(P2pStream stream, byte[] message) throws IOException {
    CairnFrames.write(stream.out(), message);
    stream.closeWrite();
  }

  /** Best effort: the requester may be gone already. */
  void reply(P2pStream stream, ErrorReply error) {
    try {
      answer(stream, encodeError(error));
    } catch (IOException e) {
      LOG.debug(
          "event=reply_failed kind={} peer={} error=\"{}\"",
          kind,
          stream.remotePeer(),
          e.getMessage());
    }
  }
}
