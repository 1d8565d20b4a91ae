/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.client.engine.NodeObservation;
import io.cairn.protocol.ErrorCode;
import io.cairn.sentinel.AuditFailure;
import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.RetrievalFailure;
import io.cairn.sentinel.SignedMessage;
import java.util.Optional;

/**
 * Turns what the engines saw ({@link NodeObservation}) into the sentinel's {@link Evidence}, as
 * docs/sentinel.md ("Wiring") lays it out. Pure.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>operation</th><th>outcome</th><th>evidence</th></tr>
 *   <tr><td>any</td><td>UNREACHABLE</td><td>{@code Unreachable}</td></tr>
 *   <tr><td>store</td><td>OK</td><td>{@code LatencySample}</td></tr>
 *   <tr><td>store</td><td>BAD_SIGNATURE</td><td>{@code BadSignature(RECEIPT)}</td></tr>
 *   <tr><td>store</td><td>other failures</td><td>none (no store evidence kind)</td></tr>
 *   <tr><td>retrieve</td><td>OK</td><td>{@code RetrievalSucceeded}</td></tr>
 *   <tr><td>retrieve</td><td>CORRUPT_DATA, BAD_PROOF</td><td>{@code CorruptData}</td></tr>
 *   <tr><td>retrieve</td><td>BAD_SIGNATURE</td><td>{@code BadSignature(RETRIEVAL_PROOF)}</td></tr>
 *   <tr><td>retrieve</td><td>NOT_FOUND, or refused CORRUPT, from a holder</td>
 *       <td>{@code RetrievalFailed(NOT_FOUND)}: an admitted loss</td></tr>
 *   <tr><td>retrieve</td><td>NOT_FOUND from a fallback</td><td>none: it never had the shard</td></tr>
 *   <tr><td>retrieve</td><td>REFUSED</td><td>{@code RetrievalFailed(REFUSED)}</td></tr>
 *   <tr><td>retrieve</td><td>TIMEOUT, PROTOCOL_ERROR, REPLAYED, other</td>
 *       <td>{@code RetrievalFailed(ERROR)}</td></tr>
 *   <tr><td>audit</td><td>OK</td><td>{@code AuditPassed}</td></tr>
 *   <tr><td>audit</td><td>WRONG_HASH</td><td>{@code AuditFailed(WRONG_HASH)}</td></tr>
 *   <tr><td>audit</td><td>NOT_FOUND, or refused CORRUPT</td><td>{@code AuditFailed(NOT_FOUND)}</td></tr>
 *   <tr><td>audit</td><td>BAD_TIME</td><td>{@code AuditFailed(BAD_TIME)}</td></tr>
 *   <tr><td>audit</td><td>BAD_SIGNATURE</td><td>{@code BadSignature(AUDIT_RESPONSE)}</td></tr>
 *   <tr><td>audit</td><td>refused AUDIT_NONCE_REPLAYED</td>
 *       <td>none: the client reused a round (its audit state was lost), not the node's fault</td></tr>
 *   <tr><td>audit</td><td>STALE, TIMEOUT, REPLAYED, PROTOCOL_ERROR, other refusals</td>
 *       <td>{@code AuditTimedOut}: no valid answer to this challenge in time</td></tr>
 * </table>
 */
public final class EvidenceMapper {
  private EvidenceMapper() {}

  /** The evidence {@code o} is, if any. */
  public static Optional<Evidence> toEvidence(NodeObservation o) {
    String node = o.peer().toString();
    String shard = o.cid().toString();
    long at = Math.max(0, o.atMillis());
    long latency = Math.min(o.latencyMillis(), Evidence.MAX_LATENCY_MILLIS);
    if (o.outcome() == NodeObservation.Outcome.UNREACHABLE) {
      return Optional.of(new Evidence.Unreachable(node, at));
    }
    Evidence e =
        switch (o.operation()) {
          case STORE ->
              switch (o.outcome()) {
                case OK -> new Evidence.LatencySample(node, at, latency);
                case BAD_SIGNATURE -> new Evidence.BadSignature(node, at, SignedMessage.RECEIPT);
                default -> null;
              };
          case RETRIEVE ->
              switch (o.outcome()) {
                case OK -> new Evidence.RetrievalSucceeded(node, at, shard, latency);
                case CORRUPT_DATA, BAD_PROOF -> new Evidence.CorruptData(node, at, shard);
                case BAD_SIGNATURE ->
                    new Evidence.BadSignature(node, at, SignedMessage.RETRIEVAL_PROOF);
                case NOT_FOUND ->
                    o.holder()
                        ? new Evidence.RetrievalFailed(node, at, shard, RetrievalFailure.NOT_FOUND)
                        : null;
                case REFUSED ->
                    o.holder() && o.refusal().orElse(null) == ErrorCode.CORRUPT
                        ? new Evidence.RetrievalFailed(node, at, shard, RetrievalFailure.NOT_FOUND)
                        : new Evidence.RetrievalFailed(node, at, shard, RetrievalFailure.REFUSED);
                default -> new Evidence.RetrievalFailed(node, at, shard, RetrievalFailure.ERROR);
              };
          case AUDIT ->
              switch (o.outcome()) {
                case OK -> new Evidence.AuditPassed(node, at, shard, latency);
                case WRONG_HASH ->
                    new Evidence.AuditFailed(node, at, shard, AuditFailure.WRONG_HASH);
                case NOT_FOUND -> new Evidence.AuditFailed(node, at, shard, AuditFailure.NOT_FOUND);
                case BAD_TIME -> new Evidence.AuditFailed(node, at, shard, AuditFailure.BAD_TIME);
                case BAD_SIGNATURE ->
                    new Evidence.BadSignature(node, at, SignedMessage.AUDIT_RESPONSE);
                case REFUSED ->
                    switch (o.refusal().orElse(ErrorCode.INTERNAL)) {
                      case CORRUPT ->
                          new Evidence.AuditFailed(node, at, shard, AuditFailure.NOT_FOUND);
                      case AUDIT_NONCE_REPLAYED -> null;
                      default -> new Evidence.AuditTimedOut(node, at, shard);
                    };
                default -> new Evidence.AuditTimedOut(node, at, shard);
              };
        };
    return Optional.ofNullable(e);
  }
}
