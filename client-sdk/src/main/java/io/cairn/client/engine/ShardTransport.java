/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;

/**
 * How the engines talk to storage nodes: the exchanges of the Cairn wire protocol
 * (docs/protocol.md), one request and one reply each, as blocking calls. The {@code p2p} module
 * implements it over libp2p streams; tests use an in-process fake.
 *
 * <p><b>Guarantees an implementation gives.</b>
 *
 * <ul>
 *   <li>Thread-safe: the engines call it from many virtual threads at once, for the same peer too.
 *   <li>Bounded: every call returns or throws within the transport's own time limit ({@link
 *       TransportException.Kind#TIMEOUT}); the engines add no deadline of their own.
 *   <li>Interruptible: a call whose thread is interrupted stops soon and throws {@link
 *       InterruptedException}; the engines interrupt their calls when they give up (an upload that
 *       failed, a retrieval that has enough shards).
 *   <li>Decoded, not judged: a reply is returned only if it decodes into the protocol record (whose
 *       constructor validates lengths and ranges); an {@code ErrorReply} becomes {@link
 *       TransportException.Kind#REFUSED} with its code. Signatures, the CID of the bytes, nonces
 *       and times are <em>not</em> checked here: the engines check them, so that the outcome can be
 *       recorded as evidence against the node.
 *   <li>The connection is authenticated as {@code peer.id()} (Noise), or the call fails as {@link
 *       TransportException.Kind#UNREACHABLE}.
 * </ul>
 *
 * <p><b>Restrictions.</b> The transport keeps no reference to the caller's shard array after {@link
 * #store} returns, and must not change it.
 */
public interface ShardTransport {
  /** The client's own peer id: stores are made in its name and receipts must name it. */
  PeerId localPeer();

  /**
   * {@code /cairn/store/1.0.0}: sends {@code request} followed by {@code shard[off, off + len)}
   * ({@code len == request.size()}) and returns the node's receipt, unverified.
   */
  StoreReceipt store(PeerRef peer, StoreRequest request, byte[] shard, int off, int len)
      throws TransportException, InterruptedException;

  /**
   * {@code /cairn/store/1.0.0}, delete: drops this client's claim on {@code cid} at {@code peer}
   * (the node deletes the shard when no other owner holds it). Returns whether the node held it.
   */
  boolean delete(PeerRef peer, Cid cid) throws TransportException, InterruptedException;

  /**
   * {@code /cairn/retrieve/1.0.0}: sends {@code request} and returns the node's response with the
   * exact number of bytes it announced, unverified.
   */
  RetrievedShard retrieve(PeerRef peer, RetrieveRequest request)
      throws TransportException, InterruptedException;

  /**
   * {@code /cairn/audit/1.0.0}: sends {@code challenge} and returns the node's answer, unverified.
   */
  AuditResponse audit(PeerRef peer, AuditChallenge challenge)
      throws TransportException, InterruptedException;
}
