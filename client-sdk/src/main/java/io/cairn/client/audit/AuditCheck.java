/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.audit;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;

/**
 * The client's judgement of an audit answer (DESIGN.md, "Audit"): does the reported hash match the
 * round's expected one, and did it come in time. Signature checks on the response message are the
 * protocol layer's job and happen before these.
 */
public final class AuditCheck {
  private AuditCheck() {}

  /**
   * Whether {@code reportedHash} is the round's expected answer, compared in constant time.
   *
   * @return {@code false} for {@code null} or a hash of the wrong length, never an exception
   */
  public static boolean check(AuditRound round, byte[] reportedHash) {
    Objects.requireNonNull(round, "round");
    if (reportedHash == null || reportedHash.length != AuditSampler.HASH_LENGTH) {
      return false;
    }
    return MessageDigest.isEqual(round.expected().toArray(), reportedHash);
  }

  /**
   * Whether a response is timely. The window bounds both the round trip (the answer must arrive
   * within {@code window} of the challenge on the client's clock) and the disagreement between the
   * node's and client's clocks (the time the node claims must lie within {@code window} either side
   * of the challenge time). Checks apply in the order {@link Freshness#STALE}, {@link
   * Freshness#FROM_FUTURE}, {@link Freshness#BEFORE_CHALLENGE}; the first that fails is the result.
   *
   * @param challengeMillis when the client sent the challenge (client clock, epoch millis)
   * @param responseMillis the time the node put in its signed response (node clock, untrusted)
   * @param nowMillis when the client received the response (client clock)
   * @param window the allowed round trip and clock skew; must be positive
   * @throws IllegalArgumentException if {@code window} is zero or negative
   */
  public static Freshness fresh(
      long challengeMillis, long responseMillis, long nowMillis, Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("freshness window must be positive, got " + window);
    }
    long w = saturatedMillis(window);
    // Saturating arithmetic: the node picks responseMillis, so any long must be handled.
    if (saturatedSub(nowMillis, challengeMillis) > w) {
      return Freshness.STALE;
    }
    if (responseMillis > saturatedAdd(challengeMillis, w)) {
      return Freshness.FROM_FUTURE;
    }
    if (responseMillis < saturatedSub(challengeMillis, w)) {
      return Freshness.BEFORE_CHALLENGE;
    }
    return Freshness.OK;
  }

  private static long saturatedMillis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    // Overflow iff both operands have the sign opposite to the result.
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  private static long saturatedSub(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }
}
