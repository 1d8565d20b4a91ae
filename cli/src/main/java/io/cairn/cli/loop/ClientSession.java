/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.CliException;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.NetworkOptions;
import io.cairn.client.engine.PeerDirectory;
import io.cairn.client.engine.PeerRef;
import io.cairn.client.engine.ShardTransport;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.p2p.cairn.P2pShardTransport;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.PeerRecord;
import io.cairn.sentinel.Evidence;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client's side of the network for one command: a dial-only libp2p host with a fresh identity,
 * the engines' transport over it, and the directory of storage nodes (from the network file and
 * {@code --bootstrap}, completed by peer exchange).
 *
 * <p>{@link #open} checks which nodes answer a ping before any work starts, so that a network that
 * is down is one clear error ({@link ExitCodes#NETWORK_UNAVAILABLE}) rather than a failure per
 * shard; the round trips and failed dials are evidence for the sentinel.
 */
public final class ClientSession implements AutoCloseable {
  /** How long the reachability check waits for each node. */
  public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private final Host host;
  private final ShardTransport transport;
  private final CairnClient client;
  private final List<PeerRef> peers;
  private final Set<PeerId> reachable;
  private final Map<PeerId, String> unreachable;
  private long openMillis;

  private ClientSession(
      Host host,
      CairnClient client,
      List<PeerRef> peers,
      Set<PeerId> reachable,
      Map<PeerId, String> unreachable) {
    this.host = host;
    this.client = client;
    this.transport = new P2pShardTransport(client);
    this.peers = List.copyOf(peers);
    this.reachable = Set.copyOf(reachable);
    this.unreachable = Map.copyOf(unreachable);
  }

  /**
   * Starts the host, finds the nodes and checks which answer.
   *
   * @param callTimeout the longest one store, retrieve or audit exchange may take
   * @param sentinel receives a latency sample per node that answered and an {@code Unreachable} per
   *     node that did not
   * @throws CliException {@link ExitCodes#NETWORK_UNAVAILABLE} when no node answers
   */
  public static ClientSession open(
      NetworkOptions.Target target,
      Duration callTimeout,
      ClientSentinel sentinel,
      InstantSource clock)
      throws CliException, IOException {
    long t0 = System.nanoTime();
    Host host =
        Host.start(
            HostConfig.builder()
                .noListen()
                .eventLoopThreads(Math.min(4, Runtime.getRuntime().availableProcessors()))
                .build());
    boolean ok = false;
    try {
      CairnClient client = new CairnClient(host, callTimeout);
      Map<PeerId, PeerRef> known = new LinkedHashMap<>();
      List<Multiaddr> anonymous = new ArrayList<>();
      for (Multiaddr a : target.addresses()) {
        Optional<PeerId> id = a.peerId();
        if (id.isPresent()) {
          known.merge(id.get(), new PeerRef(id.get(), List.of(a)), ClientSession::mergeRefs);
        } else {
          anonymous.add(a);
        }
      }
      Map<PeerId, String> unreachable = new LinkedHashMap<>();
      Set<PeerId> reachable = new LinkedHashSet<>();
      try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
        // An address without /p2p/ names no peer: connecting tells who answers there.
        List<Future<PeerId>> who = new ArrayList<>();
        for (Multiaddr a : anonymous) {
          who.add(io.submit(() -> await(host.connect(a), PROBE_TIMEOUT)));
        }
        String firstError = null;
        for (int i = 0; i < who.size(); i++) {
          try {
            PeerId id = who.get(i).get();
            known.merge(id, new PeerRef(id, List.of(anonymous.get(i))), ClientSession::mergeRefs);
          } catch (ExecutionException e) {
            firstError = firstError != null ? firstError : anonymous.get(i) + ": " + why(e);
          }
        }
        probe(host, known, reachable, unreachable, io, sentinel, clock);
        if (reachable.isEmpty()) {
          String detail =
              !unreachable.isEmpty()
                  ? unreachable.entrySet().iterator().next().getValue()
                  : firstError;
          int tried = known.size() + (known.isEmpty() ? anonymous.size() : 0);
          throw new CliException(
              ExitCodes.NETWORK_UNAVAILABLE,
              "NETWORK_UNREACHABLE",
              "network unreachable: none of the "
                  + tried
                  + " known node"
                  + (tried == 1 ? "" : "s")
                  + " answered"
                  + (detail == null ? "" : " (" + detail + ")")
                  + "; "
                  + NetworkOptions.HOW_TO_GET_ONE);
        }
        // Peer exchange: the nodes that answered may know nodes the file and flags do not.
        Map<PeerId, PeerRef> learned = exchange(client, known, reachable, io);
        if (!learned.isEmpty()) {
          known.putAll(learned);
          probe(host, learned, reachable, unreachable, io, sentinel, clock);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while contacting the network");
      }
      ClientSession s =
          new ClientSession(host, client, new ArrayList<>(known.values()), reachable, unreachable);
      s.openMillis = (System.nanoTime() - t0) / 1_000_000;
      ok = true;
      return s;
    } finally {
      if (!ok) {
        host.close();
      }
    }
  }

  private static PeerRef mergeRefs(PeerRef a, PeerRef b) {
    Set<Multiaddr> all = new LinkedHashSet<>(a.addrs());
    all.addAll(b.addrs());
    return new PeerRef(a.id(), new ArrayList<>(all));
  }

  /** Pings every node in {@code peers} at once; sorts them into reachable and unreachable. */
  private static void probe(
      Host host,
      Map<PeerId, PeerRef> peers,
      Set<PeerId> reachable,
      Map<PeerId, String> unreachable,
      ExecutorService io,
      ClientSentinel sentinel,
      InstantSource clock)
      throws InterruptedException {
    Map<PeerId, Future<Duration>> pings = new LinkedHashMap<>();
    for (PeerRef p : peers.values()) {
      pings.put(p.id(), io.submit(() -> ping(host, p)));
    }
    for (Map.Entry<PeerId, Future<Duration>> e : pings.entrySet()) {
      PeerId id = e.getKey();
      try {
        Duration rtt = e.getValue().get();
        reachable.add(id);
        unreachable.remove(id);
        sentinel.add(
            new Evidence.LatencySample(
                id.toString(),
                clock.millis(),
                Math.min(rtt.toMillis(), Evidence.MAX_LATENCY_MILLIS)));
      } catch (ExecutionException x) {
        unreachable.put(id, id + ": " + why(x));
        sentinel.add(new Evidence.Unreachable(id.toString(), clock.millis()));
      }
    }
  }

  private static Duration ping(Host host, PeerRef p) throws Exception {
    Exception last = null;
    for (Multiaddr a : p.addrs()) {
      Multiaddr dial = a.peerId().isPresent() ? a : a.withPeerId(p.id());
      try {
        return await(host.ping(dial), PROBE_TIMEOUT);
      } catch (Exception e) {
        last = e;
      }
    }
    throw last != null ? last : new IOException("no address known");
  }

  private static Map<PeerId, PeerRef> exchange(
      CairnClient client, Map<PeerId, PeerRef> known, Set<PeerId> reachable, ExecutorService io)
      throws InterruptedException {
    List<Future<List<PeerRecord>>> asks = new ArrayList<>();
    int asked = 0;
    for (PeerId id : reachable) {
      if (asked++ == 3) {
        break; // a few nodes are enough: they all bootstrap from each other
      }
      PeerRef p = known.get(id);
      asks.add(
          io.submit(
              () ->
                  client.peers(
                      p.id(), p.addrs(), Protocols.MAX_PEERS_PER_EXCHANGE, Optional.empty())));
    }
    Map<PeerId, PeerRef> learned = new LinkedHashMap<>();
    for (Future<List<PeerRecord>> f : asks) {
      try {
        for (PeerRecord r : f.get()) {
          if (!known.containsKey(r.peer()) && !r.dialAddrs().isEmpty()) {
            learned.merge(r.peer(), new PeerRef(r.peer(), r.dialAddrs()), ClientSession::mergeRefs);
          }
        }
      } catch (ExecutionException e) {
        // A node that cannot tell its peers is still a node; the directory does without.
      }
    }
    return learned;
  }

  private static <T> T await(CompletableFuture<T> f, Duration timeout) throws Exception {
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new IOException("no answer within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  private static String why(ExecutionException e) {
    Throwable c = e.getCause() == null ? e : e.getCause();
    String m = c.getMessage();
    return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
  }

  /** How long {@link #open} took: host start, pings, peer exchange. */
  public long openMillis() {
    return openMillis;
  }

  public ShardTransport transport() {
    return transport;
  }

  public CairnClient client() {
    return client;
  }

  /** Every node known, reachable or not. */
  public PeerDirectory directory() {
    return PeerDirectory.of(peers);
  }

  /** Only the nodes that answered the reachability check: where new shards should go. */
  public PeerDirectory reachableDirectory() {
    return PeerDirectory.of(peers.stream().filter(p -> reachable.contains(p.id())).toList());
  }

  public List<PeerRef> peers() {
    return peers;
  }

  public Set<PeerId> reachable() {
    return reachable;
  }

  /** Nodes that did not answer, with why. */
  public Map<PeerId, String> unreachable() {
    return unreachable;
  }

  @Override
  public void close() {
    host.close();
  }
}
