/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import io.cairn.node.store.StoreResult;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.message.ErrorReply;

/**
 * The one place where the node's refusals become wire error codes ({@link ErrorCode} owns the wire
 * numbers). Messages name the limit or the reason, never a secret.
 */
final class Replies {
  private Replies() {}

  static ErrorReply storeRefused(StoreResult.Rejected r) {
    ErrorCode code =
        switch (r.reason()) {
          case CID_MISMATCH -> ErrorCode.CID_MISMATCH;
          case TOO_LARGE -> ErrorCode.SHARD_TOO_LARGE;
          // No room for another owner record is, to the client, no room.
          case QUOTA_EXCEEDED, TOO_MANY_OWNERS -> ErrorCode.QUOTA_EXCEEDED;
        };
    return ErrorReply.of(code, r.message());
  }

  static ErrorReply notOwner(Cid cid) {
    return ErrorReply.of(
        ErrorCode.UNAUTHORIZED, "only a peer that stored " + cid + " may delete it");
  }

  static ErrorReply notFound(Cid cid) {
    return ErrorReply.of(ErrorCode.NOT_FOUND, "this node holds no shard " + cid);
  }

  static ErrorReply corrupt(Cid cid) {
    return ErrorReply.of(
        ErrorCode.CORRUPT,
        "this node's copy of " + cid + " failed its integrity check and was quarantined");
  }

  static ErrorReply audit(AuditOutcome o) {
    return switch (o) {
      case AuditOutcome.Answered a ->
          throw new IllegalArgumentException("an answered audit is not a refusal");
      case AuditOutcome.Missing m -> notFound(m.cid());
      case AuditOutcome.Corrupt c -> corrupt(c.cid());
      case AuditOutcome.Replayed r ->
          ErrorReply.of(
              ErrorCode.AUDIT_NONCE_REPLAYED,
              "this audit round of " + r.cid() + " was already answered");
      case AuditOutcome.Stale s ->
          ErrorReply.of(
              ErrorCode.AUDIT_STALE,
              "challenge time is "
                  + Math.abs(s.skewMillis())
                  + " ms "
                  + (s.skewMillis() < 0 ? "behind" : "ahead of")
                  + " this node's clock, outside the window of "
                  + s.windowMillis()
                  + " ms");
      case AuditOutcome.Invalid i -> ErrorReply.of(ErrorCode.MALFORMED, i.message());
    };
  }
}
