/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import io.cairn.p2p.internal.host.Network;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A libp2p peer: listens on TCP, dials others, secures every connection with Noise, multiplexes
 * streams with yamux, and serves protocols with {@link StreamHandler}s. It always serves {@link
 * Ping#PROTOCOL_ID}.
 *
 * <p>Guarantees: connections are reused per peer; concurrent dials to one peer share one attempt; a
 * dial to {@code /p2p/<id>} fails with {@link P2pException.Reason#PEER_ID_MISMATCH} unless the
 * remote proves that identity; a failed address is retried only after an exponential backoff;
 * connections without streams close after the idle timeout. Nothing here blocks a Netty event loop:
 * handlers and stream negotiation run on virtual threads.
 *
 * <pre>{@code
 * try (Host host = Host.start(HostConfig.builder(identity).build())) {
 *   host.handle("/cairn/echo/1.0.0", s -> s.in().transferTo(s.out()));
 *   try (P2pStream s = host.openStream(addr, "/cairn/echo/1.0.0").join()) { ... }
 * }
 * }</pre>
 */
public final class Host implements AutoCloseable {
  private final Network network;

  private Host(Network network) {
    this.network = network;
  }

  /** Starts a host: binds its listen addresses and registers the ping handler. */
  public static Host start(HostConfig config) throws IOException {
    Host host = new Host(new Network(config));
    host.handle(Ping.PROTOCOL_ID, Ping::serve);
    return host;
  }

  public PeerId peerId() {
    return network.self();
  }

  /** The first listen address, with {@code /p2p/<peer id>}; fails for a dial-only host. */
  public Multiaddr listenAddress() {
    List<Multiaddr> all = network.listenAddresses();
    if (all.isEmpty()) {
      throw new IllegalStateException("this host does not listen");
    }
    return all.getFirst();
  }

  /** Every bound listen address, each with {@code /p2p/<peer id>}. */
  public List<Multiaddr> listenAddresses() {
    return network.listenAddresses();
  }

  /** Serves {@code protocolId} with {@code handler}, replacing any earlier handler. */
  public void handle(String protocolId, StreamHandler handler) {
    network.handle(protocolId, handler);
  }

  public void unhandle(String protocolId) {
    network.unhandle(protocolId);
  }

  /**
   * Opens a stream for {@code protocolId} to the peer at {@code address}. With a {@code /p2p/<id>}
   * component the remote must prove that id; without one, whoever answers is accepted.
   */
  public CompletableFuture<P2pStream> openStream(Multiaddr address, String protocolId) {
    return network.openStream(address.peerId(), List.of(address), protocolId);
  }

  /**
   * Opens a stream for {@code protocolId} to {@code peer}, reusing an open connection or dialing
   * its {@code addresses} in order.
   */
  public CompletableFuture<P2pStream> openStream(
      PeerId peer, List<Multiaddr> addresses, String protocolId) {
    return network.openStream(Optional.of(peer), addresses, protocolId);
  }

  /** Blocking form of {@link #openStream(Multiaddr, String)}, for virtual threads. */
  public P2pStream openStreamBlocking(Multiaddr address, String protocolId) throws P2pException {
    return await(openStream(address, protocolId));
  }

  /** Blocking form of {@link #openStream(PeerId, List, String)}, for virtual threads. */
  public P2pStream openStreamBlocking(PeerId peer, List<Multiaddr> addresses, String protocolId)
      throws P2pException {
    return await(openStream(peer, addresses, protocolId));
  }

  /** Connects (or reuses a connection) and returns the peer id the remote proved. */
  public CompletableFuture<PeerId> connect(Multiaddr address) {
    return network.connect(address.peerId(), List.of(address)).thenApply(c -> c.remotePeer());
  }

  /** One {@code /ipfs/ping/1.0.0} round trip to the peer at {@code address}. */
  public CompletableFuture<Duration> ping(Multiaddr address) {
    return openStream(address, Ping.PROTOCOL_ID)
        .thenApply(
            s -> {
              try (s) {
                return Ping.roundTrip(s);
              } catch (IOException e) {
                throw new CompletionException(e);
              }
            });
  }

  /** Peers with at least one usable connection. */
  public Set<PeerId> connectedPeers() {
    return network.connectedPeers();
  }

  /** Open connections, pending ones included. */
  public int connectionCount() {
    return network.connectionCount();
  }

  /** Says Go Away on every connection, closes them and the listeners, stops the threads. */
  @Override
  public void close() {
    network.close();
  }

  /** The machinery, for tests in this package. */
  Network network() {
    return network;
  }

  private static <T> T await(CompletableFuture<T> f) throws P2pException {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof P2pException p) {
        throw p;
      }
      throw new P2pException(P2pException.Reason.PROTOCOL_ERROR, String.valueOf(c), c);
    }
  }

  @Override
  public String toString() {
    return "Host[" + peerId() + "]";
  }
}
