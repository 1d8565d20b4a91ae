/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.message;

import static io.cairn.protocol.message.internal.Fields.bs;

import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.internal.Fields;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * An audit challenge: reveals one round's nonce and asks for SHA-256(round nonce || sampled
 * blocks), the blocks chosen from the nonce as the client SDK's audit sampling defines.
 *
 * @param cid the shard audited
 * @param roundNonce the round's secret nonce (16 bytes)
 * @param challengeTimeMillis when the client sent it, Unix epoch milliseconds
 * @param requestNonce 16 fresh random bytes, echoed in the signed {@link AuditResponse}
 * @param blockCount blocks sampled, 1..{@link Protocols#MAX_AUDIT_BLOCK_COUNT} (default 16)
 * @param blockSize bytes per block, a power of two in {@link
 *     Protocols#MIN_AUDIT_BLOCK_SIZE}..{@link Protocols#MAX_AUDIT_BLOCK_SIZE} (default 4096)
 */
public record AuditChallenge(
    Cid cid,
    Bytes roundNonce,
    long challengeTimeMillis,
    Bytes requestNonce,
    int blockCount,
    int blockSize)
    implements AuditCall {
  public AuditChallenge {
    Objects.requireNonNull(cid, "cid");
    Messages.checkNonce(roundNonce, "AuditChallenge.roundNonce");
    Messages.checkTime(challengeTimeMillis, "AuditChallenge.challengeTimeMillis");
    Messages.checkNonce(requestNonce, "AuditChallenge.requestNonce");
    if (blockCount < 1 || blockCount > Protocols.MAX_AUDIT_BLOCK_COUNT) {
      throw new IllegalArgumentException(
          "AuditChallenge.blockCount must be in 1.."
              + Protocols.MAX_AUDIT_BLOCK_COUNT
              + ", got "
              + blockCount);
    }
    if (blockSize < Protocols.MIN_AUDIT_BLOCK_SIZE
        || blockSize > Protocols.MAX_AUDIT_BLOCK_SIZE
        || Integer.bitCount(blockSize) != 1) {
      throw new IllegalArgumentException(
          "AuditChallenge.blockSize must be a power of two in "
              + Protocols.MIN_AUDIT_BLOCK_SIZE
              + ".."
              + Protocols.MAX_AUDIT_BLOCK_SIZE
              + ", got "
              + blockSize);
    }
  }

  /** A challenge with the default sampling and a fresh request nonce from {@code random}. */
  public static AuditChallenge of(
      Cid cid, Bytes roundNonce, long challengeTimeMillis, SecureRandom random) {
    byte[] nonce = new byte[Protocols.NONCE_LENGTH];
    random.nextBytes(nonce);
    return new AuditChallenge(
        cid,
        roundNonce,
        challengeTimeMillis,
        Bytes.wrap(nonce),
        Protocols.DEFAULT_AUDIT_BLOCK_COUNT,
        Protocols.DEFAULT_AUDIT_BLOCK_SIZE);
  }

  public io.cairn.protocol.wire.AuditChallenge toProto() {
    return io.cairn.protocol.wire.AuditChallenge.newBuilder()
        .setCid(bs(cid.toBytes()))
        .setRoundNonce(bs(roundNonce))
        .setChallengeTimeMillis(challengeTimeMillis)
        .setRequestNonce(bs(requestNonce))
        .setBlockCount(blockCount)
        .setBlockSize(blockSize)
        .build();
  }

  /**
   * Validates a decoded challenge.
   *
   * @throws ProtocolException ({@code MALFORMED}) naming the bad field
   */
  public static AuditChallenge fromProto(io.cairn.protocol.wire.AuditChallenge p)
      throws ProtocolException {
    Cid cid = Fields.cid(p.getCid(), "AuditChallenge.cid");
    Bytes round =
        Fields.fixed(p.getRoundNonce(), Protocols.NONCE_LENGTH, "AuditChallenge.round_nonce");
    Bytes nonce =
        Fields.fixed(p.getRequestNonce(), Protocols.NONCE_LENGTH, "AuditChallenge.request_nonce");
    long time = p.getChallengeTimeMillis();
    // uint32 on the wire: a value above 2^31 arrives negative and is refused by the range check.
    int count = p.getBlockCount();
    int size = p.getBlockSize();
    return Fields.build(
        "AuditChallenge", () -> new AuditChallenge(cid, round, time, nonce, count, size));
  }
}
