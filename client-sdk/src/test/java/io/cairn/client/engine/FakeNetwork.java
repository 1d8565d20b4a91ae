/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole Cairn network in one process, no sockets (after Besu's MockNetwork and Tahoe's
 * no_network): the client's {@link ShardTransport} and {@link PeerDirectory} over {@link
 * FakeNode}s. Keys come from the seed, so a seed gives the same peers and the same placement. Calls
 * to a peer the network does not know are unreachable. It counts the stores in flight, so tests can
 * check the engines' concurrency bound.
 */
final class FakeNetwork implements ShardTransport, PeerDirectory {
  private final SplittableRandom random;
  private final FakeClock clock;
  private final PeerId client;
  private final Map<PeerId, FakeNode> nodes = new ConcurrentHashMap<>();
  private final List<FakeNode> order = new ArrayList<>();
  private final AtomicInteger storesInFlight = new AtomicInteger();
  private final AtomicInteger maxStoresInFlight = new AtomicInteger();

  FakeNetwork(long seed, int nodeCount) {
    this.random = new SplittableRandom(seed);
    this.clock = new FakeClock(1_767_225_600_000L);
    this.client = PeerId.of(newKey().publicKey());
    for (int i = 0; i < nodeCount; i++) {
      addNode();
    }
  }

  private Ed25519.KeyPair newKey() {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return Ed25519.fromSeed(seed);
  }

  synchronized FakeNode addNode() {
    FakeNode n = new FakeNode(newKey(), newKey(), 4001 + order.size(), clock);
    nodes.put(n.id(), n);
    order.add(n);
    return n;
  }

  FakeClock clock() {
    return clock;
  }

  synchronized List<FakeNode> nodes() {
    return List.copyOf(order);
  }

  FakeNode node(PeerId id) {
    FakeNode n = nodes.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no node " + id);
    }
    return n;
  }

  int maxStoresInFlight() {
    return maxStoresInFlight.get();
  }

  @Override
  public synchronized List<PeerRef> peers() {
    return order.stream().map(FakeNode::ref).toList();
  }

  @Override
  public PeerId localPeer() {
    return client;
  }

  private FakeNode dial(PeerRef peer) throws TransportException {
    FakeNode n = nodes.get(peer.id());
    if (n == null) {
      throw TransportException.unreachable("no route to " + peer.id());
    }
    return n;
  }

  @Override
  public StoreReceipt store(PeerRef peer, StoreRequest request, byte[] shard, int off, int len)
      throws TransportException, InterruptedException {
    FakeNode n = dial(peer);
    int now = storesInFlight.incrementAndGet();
    maxStoresInFlight.accumulateAndGet(now, Math::max);
    try {
      return n.store(client, request, shard, off, len);
    } finally {
      storesInFlight.decrementAndGet();
    }
  }

  @Override
  public boolean delete(PeerRef peer, io.cairn.protocol.Cid cid)
      throws TransportException, InterruptedException {
    return dial(peer).delete(cid);
  }

  @Override
  public RetrievedShard retrieve(PeerRef peer, RetrieveRequest request)
      throws TransportException, InterruptedException {
    return dial(peer).retrieve(request);
  }

  @Override
  public AuditResponse audit(PeerRef peer, AuditChallenge challenge)
      throws TransportException, InterruptedException {
    return dial(peer).audit(challenge);
  }
}
