/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import io.cairn.node.config.NodeConfig;
import io.cairn.node.handler.MemoryBudget;
import io.cairn.node.handler.NodeHandlers;
import io.cairn.node.identity.IdentityException;
import io.cairn.node.identity.NodeIdentity;
import io.cairn.node.metrics.HealthStatus;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.metrics.MetricsServer;
import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.peers.PeerDirectory;
import io.cairn.node.service.AuditResponder;
import io.cairn.node.service.NodeHealth;
import io.cairn.node.service.RetrieveService;
import io.cairn.node.service.StoreService;
import io.cairn.node.store.NodeDatabase;
import io.cairn.node.store.StoreException;
import io.cairn.p2p.ConnectionGater;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.PeerRecord;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running storage node: identity key, database, libp2p host serving Cairn's four protocols,
 * metrics and health endpoint, and bootstrap dialing with peer exchange.
 *
 * <p>{@link #start} brings the parts up in order (config → identity → database → host with the
 * allowlist gater → handlers → metrics → bootstrap) and closes what it opened if a step fails.
 * {@link #close} shuts down gracefully: new requests are refused, requests in flight get up to the
 * shutdown grace to finish (a store either completes with a receipt or is refused, never half
 * done), then the bootstrap dialer, host, metrics endpoint and database close in that order.
 *
 * <p>Logs are {@code key=value} lines; they never contain key material.
 */
public final class NodeDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeDaemon.class);

  /** Subfolder of the node's data folder that holds RocksDB. */
  public static final String DB_FOLDER = "db";

  /**
   * Tuning that is not part of the operator's config.
   *
   * @param requestTimeout longest one request may hold a stream
   * @param shutdownGrace how long close waits for requests in flight
   * @param memoryBudgetBytes cap on shard bytes in memory; 0 derives it from the heap
   * @param bootstrapBackoffBase first wait after a failed bootstrap dial; doubles up to the max
   * @param bootstrapBackoffMax longest wait between bootstrap dials
   * @param peerRefresh how often connected bootstrap peers are asked again for peers
   * @param clock wall clock for receipts, proofs, audits and the peer table
   * @param random randomness for a new identity key
   */
  public record Options(
      Duration requestTimeout,
      Duration shutdownGrace,
      long memoryBudgetBytes,
      Duration bootstrapBackoffBase,
      Duration bootstrapBackoffMax,
      Duration peerRefresh,
      InstantSource clock,
      SecureRandom random) {
    public Options {
      for (Duration d :
          List.of(
              requestTimeout,
              shutdownGrace,
              bootstrapBackoffBase,
              bootstrapBackoffMax,
              peerRefresh)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("durations must be positive, got " + d);
        }
      }
      if (memoryBudgetBytes < 0) {
        throw new IllegalArgumentException("memoryBudgetBytes must be >= 0");
      }
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(random, "random");
    }

    public static Options defaults() {
      return new Options(
          NodeHandlers.DEFAULT_REQUEST_TIMEOUT,
          Duration.ofSeconds(10),
          0,
          Duration.ofSeconds(1),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          InstantSource.system(),
          new SecureRandom());
    }

    public Options withMemoryBudget(long bytes) {
      return new Options(
          requestTimeout,
          shutdownGrace,
          bytes,
          bootstrapBackoffBase,
          bootstrapBackoffMax,
          peerRefresh,
          clock,
          random);
    }

    public Options withPeerRefresh(Duration refresh) {
      return new Options(
          requestTimeout,
          shutdownGrace,
          memoryBudgetBytes,
          bootstrapBackoffBase,
          bootstrapBackoffMax,
          refresh,
          clock,
          random);
    }

    public Options withClock(InstantSource c) {
      return new Options(
          requestTimeout,
          shutdownGrace,
          memoryBudgetBytes,
          bootstrapBackoffBase,
          bootstrapBackoffMax,
          peerRefresh,
          c,
          random);
    }
  }

  private final NodeIdentity identity;
  private final NodeDatabase db;
  private final Host host;
  private final NodeHandlers handlers;
  private final PeerDirectory directory;
  private final MetricsServer metricsServer;
  private final Bootstrapper bootstrapper;
  private final Options options;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean closing;
  private boolean closeStarted;

  private NodeDaemon(Parts p, Options options) {
    this.identity = p.identity;
    this.db = p.db;
    this.host = p.host;
    this.handlers = p.handlers;
    this.directory = p.directory;
    this.metricsServer = p.metrics;
    this.bootstrapper = p.bootstrapper;
    this.options = options;
  }

  /** What {@link #start} has opened so far, to close on failure. */
  private static final class Parts {
    NodeIdentity identity;
    NodeDatabase db;
    Host host;
    NodeHandlers handlers;
    PeerDirectory directory;
    MetricsServer metrics;
    Bootstrapper bootstrapper;

    void closeAll() {
      if (bootstrapper != null) {
        bootstrapper.close();
      }
      if (host != null) {
        host.close();
      }
      if (metrics != null) {
        metrics.close();
      }
      if (db != null) {
        db.close();
      }
    }
  }

  /** Starts a node with {@link Options#defaults()}. */
  public static NodeDaemon start(Path dir, NodeConfig config) throws NodeStartException {
    return start(dir, config, Options.defaults());
  }

  /**
   * Starts a node whose data lives in {@code dir} (identity key, {@value #DB_FOLDER}/).
   *
   * @throws NodeStartException naming the part that failed: identity key, database (for example in
   *     use by another node), listen address, metrics address
   */
  public static NodeDaemon start(Path dir, NodeConfig config, Options options)
      throws NodeStartException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(options, "options");
    Parts p = new Parts();
    NodeDaemon[] self = new NodeDaemon[1];
    boolean ok = false;
    try {
      try {
        p.identity = NodeIdentity.loadOrCreate(dir, options.random());
      } catch (IdentityException e) {
        throw new NodeStartException("identity key: " + e.getMessage(), e);
      }
      MetricsRegistry registry = new MetricsRegistry();
      try {
        p.db =
            NodeDatabase.open(
                dir.resolve(DB_FOLDER), config.quotaBytes(), registry, options.clock());
      } catch (StoreException e) {
        throw new NodeStartException("database: " + e.getMessage(), e);
      }
      RequestMetrics requests = new RequestMetrics(registry);
      StoreService store = new StoreService(p.identity, p.db.shards(), requests);
      RetrieveService retrieve =
          new RetrieveService(p.identity, p.db.shards(), options.clock(), requests);
      AuditResponder audit =
          new AuditResponder(
              p.identity, p.db.shards(), p.db.auditNonces(), options.clock(), requests);

      Set<PeerId> allow = config.allowlist();
      ConnectionGater gater =
          allow.isEmpty()
              ? ConnectionGater.ALLOW_ALL
              // Inbound only: a connection this node dials (bootstrap) is one it chose; requests
              // arriving on it are still checked against the allowlist by the handlers.
              : (peer, inbound) -> !inbound || allow.contains(peer);
      try {
        p.host =
            Host.start(
                HostConfig.builder(p.identity.keyPair())
                    .listen(config.listen())
                    .gater(gater)
                    .build());
      } catch (IOException e) {
        throw new NodeStartException(
            "cannot listen on " + config.listen() + ": " + e.getMessage(), e);
      }
      PeerRecord selfRecord =
          PeerRecord.sign(
              announceAddresses(p.host.listenAddresses()),
              options.clock().millis(),
              p.identity.keyPair().privateKey());
      p.directory = new PeerDirectory(selfRecord, p.db.peers(), options.clock());
      MemoryBudget budget =
          options.memoryBudgetBytes() > 0
              ? new MemoryBudget(options.memoryBudgetBytes())
              : MemoryBudget.forHeap(Runtime.getRuntime().maxMemory());
      p.handlers =
          new NodeHandlers(
              store,
              retrieve,
              audit,
              p.db.shards(),
              p.directory,
              requests,
              allow,
              options.requestTimeout(),
              budget);
      p.handlers.register(p.host);

      Host host = p.host;
      PeerDirectory directory = p.directory;
      NodeHandlers handlers = p.handlers;
      registry.gauge(
          "cairn_node_connections", "Open libp2p connections.", () -> host.connectionCount());
      registry.gauge(
          "cairn_node_peers_known",
          "Peers with a signed record learned by peer exchange.",
          () -> directory.size());
      registry.gauge(
          "cairn_node_requests_in_flight",
          "Cairn protocol requests being served.",
          () -> handlers.inFlight());
      registry.gauge(
          "cairn_node_memory_budget_free_bytes",
          "Shard bytes requests may still reserve in memory.",
          () -> budget.availableBytes());

      Supplier<HealthStatus> base = NodeHealth.of(p.identity.peerId(), p.db);
      Supplier<HealthStatus> health =
          () -> {
            HealthStatus h = base.get();
            boolean up = h.up() && (self[0] == null || !self[0].closing);
            return new HealthStatus(up, h.peerId(), h.usedBytes(), h.quotaBytes(), h.shards());
          };
      try {
        p.metrics =
            MetricsServer.start(config.metricsHost(), config.metricsPort(), registry, health);
      } catch (IOException e) {
        throw new NodeStartException(
            "cannot serve metrics on "
                + config.metricsHost()
                + ":"
                + config.metricsPort()
                + ": "
                + e.getMessage(),
            e);
      }

      p.bootstrapper =
          new Bootstrapper(
              new CairnClient(p.host, Duration.ofSeconds(30)),
              p.directory,
              p.db.peers(),
              config.bootstrap(),
              options.bootstrapBackoffBase(),
              options.bootstrapBackoffMax(),
              options.peerRefresh(),
              options.clock());
      NodeDaemon d = new NodeDaemon(p, options);
      self[0] = d;
      p.bootstrapper.start();
      LOG.info(
          "event=node_started peer={} listen={} metrics_port={} quota_bytes={} used_bytes={}"
              + " shards={} allowlist_size={} bootstrap={}",
          p.identity.peerId(),
          p.host.listenAddresses(),
          p.metrics.port(),
          config.quotaBytes(),
          p.db.shards().usedBytes(),
          p.db.shards().shardCount(),
          allow.size(),
          config.bootstrap().size());
      ok = true;
      return d;
    } finally {
      if (!ok) {
        p.closeAll();
      }
    }
  }

  /**
   * The addresses this node publishes in its peer record: its listen addresses, with a wildcard
   * host replaced by the machine's IPv4 interface addresses; at most {@link
   * Protocols#MAX_ADDRS_PER_PEER}.
   */
  static List<Multiaddr> announceAddresses(List<Multiaddr> bound) {
    Set<Multiaddr> out = new LinkedHashSet<>();
    for (Multiaddr a : bound) {
      Multiaddr plain = a.withoutPeerId();
      if (plain.host().equals("0.0.0.0")) {
        for (String ip : ipv4Interfaces()) {
          out.add(Multiaddr.tcp(ip, plain.port()));
        }
      } else {
        out.add(plain);
      }
    }
    List<Multiaddr> list = new ArrayList<>(out);
    return list.size() > Protocols.MAX_ADDRS_PER_PEER
        ? list.subList(0, Protocols.MAX_ADDRS_PER_PEER)
        : list;
  }

  private static List<String> ipv4Interfaces() {
    List<String> out = new ArrayList<>();
    List<String> loopback = new ArrayList<>();
    try {
      for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
        if (!ni.isUp()) {
          continue;
        }
        for (InetAddress ia : ni.inetAddresses().toList()) {
          if (ia instanceof Inet4Address) {
            (ia.isLoopbackAddress() ? loopback : out).add(ia.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      LOG.debug("event=interface_listing_failed error=\"{}\"", e.getMessage());
    }
    out.addAll(loopback);
    if (out.isEmpty()) {
      out.add("127.0.0.1");
    }
    return out;
  }

  public PeerId peerId() {
    return identity.peerId();
  }

  /** The bound listen addresses, each ending in {@code /p2p/<peer id>}. */
  public List<Multiaddr> listenAddresses() {
    return host.listenAddresses();
  }

  /** The metrics and health endpoint's bound port. */
  public int metricsPort() {
    return metricsServer.port();
  }

  /** The host, for in-process tools and benchmarks. */
  public Host host() {
    return host;
  }

  public NodeDatabase database() {
    return db;
  }

  public PeerDirectory peers() {
    return directory;
  }

  public NodeHandlers handlers() {
    return handlers;
  }

  public Options options() {
    return options;
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /**
   * Graceful shutdown: refuses new requests, lets those in flight finish (up to the grace), then
   * closes bootstrap dialing, host, metrics and database, in that order. Idempotent; a second
   * caller waits for the first to finish.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closeStarted) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      closeStarted = true;
    }
    closing = true;
    LOG.info("event=node_stopping peer={} in_flight={}", identity.peerId(), handlers.inFlight());
    try {
      handlers.stopAccepting();
      bootstrapper.close();
      boolean idle;
      try {
        idle = handlers.awaitIdle(options.shutdownGrace());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        idle = false;
      }
      if (!idle) {
        LOG.warn(
            "event=shutdown_grace_expired in_flight={} grace={}",
            handlers.inFlight(),
            options.shutdownGrace());
      }
      host.close();
      metricsServer.close();
      db.close();
      LOG.info("event=node_stopped peer={}", identity.peerId());
    } finally {
      closed.countDown();
    }
  }

  /** Runs a node in the foreground; see {@link NodeLauncher#runArgs} for the flags. */
  public static void main(String[] args) {
    NodeLauncher.main(args);
  }

  @Override
  public String toString() {
    return "NodeDaemon[" + identity.peerId() + "]";
  }
}
