/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.cairn;

import io.cairn.client.engine.PeerRef;
import io.cairn.client.engine.ShardTransport;
import io.cairn.client.engine.TransportException;
import io.cairn.p2p.Host;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.DeleteReply;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.RetrieveResponse;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * The client SDK's {@link ShardTransport} over libp2p: each call is one Cairn stream to the peer,
 * through {@link CairnClient}'s decoded-but-unchecked exchanges, so that the engines judge the
 * answers themselves (signatures, CIDs, nonces, times) and record the outcome as evidence.
 *
 * <p>Failures map to the engines' kinds: dial, negotiation and stream failures are {@code
 * UNREACHABLE}; the client's timeout is {@code TIMEOUT}; an {@code ErrorReply} is {@code REFUSED}
 * with its code; an answer that does not decode, a wrong message type, too few bytes or a size
 * above the limit is {@code PROTOCOL}. An interrupted call resets its stream and throws {@link
 * InterruptedException}.
 */
public final class P2pShardTransport implements ShardTransport {
  private final CairnClient client;

  public P2pShardTransport(CairnClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** A transport over {@code host} with a per-call {@code timeout}. */
  public static P2pShardTransport over(Host host, Duration timeout) {
    return new P2pShardTransport(new CairnClient(host, timeout));
  }

  @Override
  public PeerId localPeer() {
    return client.self();
  }

  @Override
  public StoreReceipt store(PeerRef peer, StoreRequest request, byte[] shard, int off, int len)
      throws TransportException, InterruptedException {
    try {
      return switch (client.exchangeStore(peer.id(), peer.addrs(), request, shard, off, len)) {
        case StoreReceipt r -> r;
        case DeleteReply d ->
            throw TransportException.protocol(peer + " answered a store with a delete reply");
        case ErrorReply e -> throw TransportException.refused(e);
      };
    } catch (CairnCallException e) {
      throw map(e);
    }
  }

  @Override
  public boolean delete(PeerRef peer, io.cairn.protocol.Cid cid)
      throws TransportException, InterruptedException {
    try {
      return client.delete(peer.id(), peer.addrs(), cid).existed();
    } catch (CairnCallException e) {
      throw map(e);
    }
  }

  @Override
  public io.cairn.client.engine.RetrievedShard retrieve(PeerRef peer, RetrieveRequest request)
      throws TransportException, InterruptedException {
    try {
      CairnClient.Retrieved got =
          client.exchangeRetrieve(
              peer.id(), peer.addrs(), request, io.cairn.protocol.Protocols.MAX_SHARD_SIZE);
      return switch (got.answer()) {
        case RetrieveResponse r -> new io.cairn.client.engine.RetrievedShard(r, got.bytes());
        case ErrorReply e -> throw TransportException.refused(e);
      };
    } catch (CairnCallException e) {
      throw map(e);
    }
  }

  @Override
  public AuditResponse audit(PeerRef peer, AuditChallenge challenge)
      throws TransportException, InterruptedException {
    try {
      return switch (client.exchangeAudit(peer.id(), peer.addrs(), challenge)) {
        case AuditResponse r -> r;
        case ErrorReply e -> throw TransportException.refused(e);
      };
    } catch (CairnCallException e) {
      throw map(e);
    }
  }

  private static TransportException map(CairnCallException e) {
    String message = e.getMessage();
    return switch (e.kind()) {
      case TRANSPORT -> TransportException.unreachable(message, e);
      case TIMEOUT -> TransportException.timeout(message);
      case BAD_ANSWER -> TransportException.protocol(message, e);
      case REFUSED ->
          TransportException.refused(e.errorCode().orElse(ErrorCode.MALFORMED), message);
    };
  }

  @Override
  public String toString() {
    return "P2pShardTransport[" + client + "]";
  }
}
