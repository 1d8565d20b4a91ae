/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

/**
 * Why a request failed, as sent in an {@code ErrorReply} and carried by {@link ProtocolException}.
 * This enum owns the mapping to the wire enum {@code cairn.v1.ErrorCode}; docs/protocol.md says
 * when each is sent and what a client does about it.
 */
public enum ErrorCode {
  /** The shard bytes do not hash to the CID. */
  CID_MISMATCH(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_CID_MISMATCH),
  /** A shard above {@link Protocols#MAX_SHARD_SIZE}. */
  SHARD_TOO_LARGE(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_SHARD_TOO_LARGE),
  /** The node has no room for the shard. */
  QUOTA_EXCEEDED(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_QUOTA_EXCEEDED),
  /** The node holds no shard with that CID. */
  NOT_FOUND(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_NOT_FOUND),
  /** The audit round nonce was already answered for that CID. */
  AUDIT_NONCE_REPLAYED(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_AUDIT_NONCE_REPLAYED),
  /** The audit challenge time is outside the node's window. */
  AUDIT_STALE(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_AUDIT_STALE),
  /** A message failed to decode or validate. */
  MALFORMED(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_MALFORMED),
  /** A message above its size limit. */
  TOO_LARGE(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_TOO_LARGE),
  /** The remote peer may not do this. */
  UNAUTHORIZED(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_UNAUTHORIZED),
  /** The node failed; trying another node is reasonable. */
  INTERNAL(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_INTERNAL),
  /** The node's stored copy failed its CID check. */
  CORRUPT(io.cairn.protocol.wire.ErrorCode.ERROR_CODE_CORRUPT);

  private final io.cairn.protocol.wire.ErrorCode wire;

  ErrorCode(io.cairn.protocol.wire.ErrorCode wire) {
    this.wire = wire;
  }

  /** The wire enum value. */
  public io.cairn.protocol.wire.ErrorCode toWire() {
    return wire;
  }

  /**
   * The code of a wire value.
   *
   * @throws ProtocolException ({@link #MALFORMED}) for {@code ERROR_CODE_UNSPECIFIED} or a number
   *     this version does not know
   */
  public static ErrorCode fromWire(int wireNumber) throws ProtocolException {
    for (ErrorCode c : values()) {
      if (c.wire.getNumber() == wireNumber) {
        return c;
      }
    }
    throw new ProtocolException(MALFORMED, "unknown or unspecified error code " + wireNumber);
  }
}
