/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import java.util.Objects;

/**
 * One observation about one node, as the client's engines saw it: an audit or retrieval outcome, a
 * failed signature, a latency sample, a failed dial. The sentinel turns a stream of these into
 * reputation, anomaly signals and a state ({@link Sentinel#record}).
 *
 * <p>Every record carries the node (its peer id text, {@code 12D3KooW…}; any printable id of at
 * most {@value #MAX_ID_LENGTH} characters) and the time it was observed (epoch milliseconds, from
 * the caller's {@link TimeSource}). Shards are named by their CID text. Constructors reject
 * malformed values with an {@link IllegalArgumentException} that names the field.
 *
 * <p>Which evidence is cryptographic proof of false data, and so weighs most: an audit answered
 * with a {@link AuditFailure#WRONG_HASH wrong hash}, a retrieval whose bytes do not hash to the CID
 * ({@link CorruptData}), and a {@link BadSignature}. Timeouts and failed dials only ever show that
 * a node is slow or away; on their own they never disqualify it.
 */
public sealed interface Evidence {
  /** Longest node or shard id accepted. */
  int MAX_ID_LENGTH = 128;

  /** Longest latency accepted: one day, in milliseconds. */
  long MAX_LATENCY_MILLIS = 86_400_000L;

  /** The node this evidence is about. */
  String node();

  /** When it was observed, epoch milliseconds. */
  long at();

  /** The type name used in evidence files ({@code audit-passed}, …). */
  default String type() {
    return switch (this) {
      case AuditPassed e -> "audit-passed";
      case AuditFailed e -> "audit-failed";
      case AuditTimedOut e -> "audit-timed-out";
      case RetrievalSucceeded e -> "retrieval-succeeded";
      case RetrievalFailed e -> "retrieval-failed";
      case CorruptData e -> "corrupt-data";
      case BadSignature e -> "bad-signature";
      case LatencySample e -> "latency";
      case Unreachable e -> "unreachable";
    };
  }

  /** The node answered an audit of {@code shard} correctly and in time. */
  record AuditPassed(String node, long at, String shard, long latencyMillis) implements Evidence {
    public AuditPassed {
      checkCommon(node, at);
      checkId("shard", shard);
      checkLatency(latencyMillis);
    }
  }

  /** The node answered an audit of {@code shard}, and the answer was wrong. */
  record AuditFailed(String node, long at, String shard, AuditFailure failure) implements Evidence {
    public AuditFailed {
      checkCommon(node, at);
      checkId("shard", shard);
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * The node was reachable but did not answer an audit of {@code shard} in time (or answered after
   * the freshness window). The shard is re-audited first next time ({@link
   * Sentinel#pendingReaudits}); a shard that keeps timing out while the node answers everything
   * else is treated as evasion.
   */
  record AuditTimedOut(String node, long at, String shard) implements Evidence {
    public AuditTimedOut {
      checkCommon(node, at);
      checkId("shard", shard);
    }
  }

  /** The node served {@code shard}; the proof, signature and CID all checked out. */
  record RetrievalSucceeded(String node, long at, String shard, long latencyMillis)
      implements Evidence {
    public RetrievalSucceeded {
      checkCommon(node, at);
      checkId("shard", shard);
      checkLatency(latencyMillis);
    }
  }

  /** The node was reachable but did not serve {@code shard}. */
  record RetrievalFailed(String node, long at, String shard, RetrievalFailure failure)
      implements Evidence {
    public RetrievalFailed {
      checkCommon(node, at);
      checkId("shard", shard);
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** The node served bytes for {@code shard} that do not hash to its CID: proof of false data. */
  record CorruptData(String node, long at, String shard) implements Evidence {
    public CorruptData {
      checkCommon(node, at);
      checkId("shard", shard);
    }
  }

  /** A message the node signed failed its signature check: proof of a forged or broken answer. */
  record BadSignature(String node, long at, SignedMessage message) implements Evidence {
    public BadSignature {
      checkCommon(node, at);
      Objects.requireNonNull(message, "message");
    }
  }

  /** A round trip to the node (ping or any request) took {@code latencyMillis}. */
  record LatencySample(String node, long at, long latencyMillis) implements Evidence {
    public LatencySample {
      checkCommon(node, at);
      checkLatency(latencyMillis);
    }
  }

  /** The node could not be reached at all (dial refused or timed out). */
  record Unreachable(String node, long at) implements Evidence {
    public Unreachable {
      checkCommon(node, at);
    }
  }

  private static void checkCommon(String node, long at) {
    checkId("node", node);
    if (at < 0) {
      throw new IllegalArgumentException("at must be epoch milliseconds >= 0, got " + at);
    }
  }

  /**
   * Checks a node or shard id: 1..{@value #MAX_ID_LENGTH} printable ASCII characters, no spaces.
   *
   * @throws IllegalArgumentException naming {@code field} if it is not
   */
  static void checkId(String field, String id) {
    Objects.requireNonNull(id, field);
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be 1.." + MAX_ID_LENGTH + " characters, got " + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            field
                + " must be printable ASCII without spaces, got character 0x"
                + Integer.toHexString(c)
                + " at index "
                + i);
      }
    }
  }

  private static void checkLatency(long latencyMillis) {
    if (latencyMillis < 0 || latencyMillis > MAX_LATENCY_MILLIS) {
      throw new IllegalArgumentException(
          "latencyMillis must be in 0.." + MAX_LATENCY_MILLIS + ", got " + latencyMillis);
    }
  }
}
