/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.handler;

import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.peers.PeerDirectory;
import io.cairn.node.service.AuditResponder;
import io.cairn.node.service.RetrieveService;
import io.cairn.node.service.StoreService;
import io.cairn.node.store.ShardStore;
import io.cairn.p2p.Host;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.Protocols;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The node's four Cairn protocol handlers, registered together on a {@link Host}, with the policy
 * they share.
 *
 * <p>Guarantees: every handler runs on its stream's virtual thread; a request that is malformed,
 * too large, or from a peer not on the allowlist gets its specific {@code ErrorReply} and the node
 * goes on serving; a stream that stays open longer than the request timeout is reset and its memory
 * returned; after {@link #stopAccepting()} new requests are refused with {@code INTERNAL}
 * ("shutting down") while those in flight finish ({@link #awaitIdle}).
 */
public final class NodeHandlers {
  /** Longest a request may hold a stream, from its first byte to the answer's last. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private final HandlerContext ctx;
  private final StoreHandler store;
  private final RetrieveHandler retrieve;
  private final AuditHandler audit;
  private final PeersHandler peers;

  /**
   * @param allowlist peers that may make requests; empty allows all
   * @param requestTimeout longest a request may hold a stream
   * @param budget cap on shard bytes held in memory by all requests together
   */
  public NodeHandlers(
      StoreService storeService,
      RetrieveService retrieveService,
      AuditResponder auditResponder,
      ShardStore shards,
      PeerDirectory directory,
      RequestMetrics metrics,
      Set<PeerId> allowlist,
      Duration requestTimeout,
      MemoryBudget budget) {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
    }
    this.ctx =
        new HandlerContext(
            allowlist,
            requestTimeout,
            Objects.requireNonNull(budget, "budget"),
            Objects.requireNonNull(metrics, "metrics"));
    this.store = new StoreHandler(ctx, Objects.requireNonNull(storeService, "storeService"));
    this.retrieve =
        new RetrieveHandler(
            ctx, Objects.requireNonNull(retrieveService, "retrieveService"), shards);
    this.audit =
        new AuditHandler(ctx, Objects.requireNonNull(auditResponder, "auditResponder"), shards);
    this.peers = new PeersHandler(ctx, Objects.requireNonNull(directory, "directory"));
  }

  /** The protocol ids served. */
  public static List<String> protocols() {
    return List.of(Protocols.STORE, Protocols.RETRIEVE, Protocols.AUDIT, Protocols.PEERS);
  }

  /** Serves the four protocols on {@code host}. */
  public void register(Host host) {
    host.handle(Protocols.STORE, store);
    host.handle(Protocols.RETRIEVE, retrieve);
    host.handle(Protocols.AUDIT, audit);
    host.handle(Protocols.PEERS, peers);
  }

  /** Refuses every new request from now on (shutdown); requests in flight go on. */
  public void stopAccepting() {
    ctx.stopAccepting();
  }

  /** Waits until no request is in flight; false if {@code timeout} passed first. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return ctx.awaitIdle(timeout);
  }

  /** Requests being served now. */
  public int inFlight() {
    return ctx.inFlight();
  }

  /** Whether {@code peer} may make requests. */
  public boolean allows(PeerId peer) {
    return ctx.allowed(peer);
  }
}
