/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p.internal.host;

import io.cairn.p2p.HostConfig;
import io.cairn.p2p.P2pException;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.StreamHandler;
import io.cairn.p2p.internal.multistream.MultistreamDecoder;
import io.cairn.p2p.internal.multistream.MultistreamNegotiator;
import io.cairn.p2p.internal.noise.NoiseFrameDecoder;
import io.cairn.p2p.internal.noise.NoiseHandshakeHandler;
import io.cairn.p2p.internal.noise.NoiseTransportHandler;
import io.cairn.p2p.internal.noise.NoiseXX;
import io.cairn.p2p.internal.wire.ConnectionExceptionHandler;
import io.cairn.p2p.internal.yamux.YamuxConfig;
import io.cairn.p2p.internal.yamux.YamuxFrameDecoder;
import io.cairn.p2p.internal.yamux.YamuxSession;
import io.cairn.p2p.internal.yamux.YamuxStream;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery behind {@link io.cairn.p2p.Host}: listeners, dials (de-duplicated, with timeouts
 * and backoff), the connection upgrade pipeline, connection reuse, the idle sweep and inbound
 * stream dispatch to handlers on virtual threads.
 *
 * <p>Connection pipeline, in the order it is built:
 *
 * <pre>
 *   MultistreamDecoder + MultistreamNegotiator("/noise")
 *     -> NoiseFrameDecoder + NoiseHandshakeHandler -> NoiseTransportHandler
 *     -> [MultistreamDecoder + MultistreamNegotiator("/yamux/1.0.0"), unless inlined]
 *     -> YamuxFrameDecoder + YamuxSession
 * </pre>
 */
public final class Network implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Network.class);

  public static final String NOISE = "/noise";
  public static final String YAMUX = "/yamux/1.0.0";

  private final HostConfig config;
  private final PeerId self;
  private final SecureRandom random = new SecureRandom();
  private final EventLoopGroup group;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final YamuxConfig yamuxConfig;
  private final ConcurrentHashMap<String, StreamHandler> handlers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PeerId, Set<Connection>> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CompletableFuture<Connection>> pendingDials =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Backoff> backoffs = new ConcurrentHashMap<>();
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private final AtomicInteger openChannels = new AtomicInteger();
  private final List<Channel> servers = new ArrayList<>();
  private final List<Multiaddr> listenAddresses = new ArrayList<>();
  private final ScheduledFuture<?> sweeper;
  private volatile boolean closed;

  private record Backoff(int failures, long untilNanos) {}

  public Network(HostConfig config) throws IOException {
    this.config = config;
    this.self = PeerId.of(config.identity().publicKey());
    this.yamuxConfig =
        new YamuxConfig(
            YamuxConfig.SPEC_INITIAL_WINDOW,
            config.limits().maxStreamWindow(),
            config.limits().maxStreamsPerConnection(),
            YamuxConfig.defaults().maxFramePayload(),
            Math.min(YamuxConfig.DEFAULT_OPEN_WINDOW, config.limits().maxStreamWindow()));
    this.group =
        new MultiThreadIoEventLoopGroup(config.eventLoopThreads(), NioIoHandler.newFactory());
    try {
      for (Multiaddr a : config.listenAddresses()) {
        listen(a);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    long sweepMillis = Math.max(50, Math.min(5000, config.timeouts().idle().toMillis() / 4));
    this.sweeper =
        group.scheduleAtFixedRate(this::sweepIdle, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
  }

  public PeerId self() {
    return self;
  }

  public List<Multiaddr> listenAddresses() {
    return List.copyOf(listenAddresses);
  }

  public void handle(String protocolId, StreamHandler handler) {
    io.cairn.p2p.internal.multistream.Multistream.checkProtocolId(protocolId);
    handlers.put(protocolId, handler);
  }

  public void unhandle(String protocolId) {
    handlers.remove(protocolId);
  }

  public Set<PeerId> connectedPeers() {
    Set<PeerId> out = new java.util.HashSet<>();
    connections.forEach(
        (peer, set) -> {
          if (set.stream().anyMatch(Connection::isUsable)) {
            out.add(peer);
          }
        });
    return out;
  }

  public int connectionCount() {
    return openChannels.get();
  }

  // ---- listening ----

  private void listen(Multiaddr address) throws IOException {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 256)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    acceptChannel(ch);
                  }
                });
    try {
      Channel server =
          b.bind(new InetSocketAddress(address.host(), address.port())).sync().channel();
      servers.add(server);
      InetSocketAddress bound = (InetSocketAddress) server.localAddress();
      listenAddresses.add(Multiaddr.tcp(address.host(), bound.getPort()).withPeerId(self));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding " + address, e);
    } catch (Exception e) {
      throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  private static WriteBufferWaterMark waterMark() {
    return new WriteBufferWaterMark(1 << 20, 4 << 20);
  }

  private void acceptChannel(SocketChannel ch) {
    if (closed || openChannels.get() >= config.limits().maxConnections()) {
      LOG.info(
          "refusing connection from {}: {}",
          ch.remoteAddress(),
          closed ? "host closed" : "connection limit " + config.limits().maxConnections());
      ch.close();
      return;
    }
    track(ch);
    CompletableFuture<Connection> established = new CompletableFuture<>();
    upgrade(ch, NoiseXX.Role.RESPONDER, Optional.empty(), established);
    scheduleUpgradeTimeout(ch, established);
    established.whenComplete(
        (c, e) -> {
          if (e != null) {
            LOG.debug("inbound connection from {} failed: {}", ch.remoteAddress(), e.getMessage());
          }
        });
  }

  private void track(Channel ch) {
    openChannels.incrementAndGet();
    channels.add(ch);
    ch.closeFuture()
        .addListener(
            f -> {
              openChannels.decrementAndGet();
              channels.remove(ch);
            });
  }

  private void scheduleUpgradeTimeout(Channel ch, CompletableFuture<Connection> established) {
    Duration timeout = config.timeouts().dial();
    ScheduledFuture<?> t =
        ch.eventLoop()
            .schedule(
                () -> {
                  if (established.completeExceptionally(
                      new P2pException(
                          P2pException.Reason.DIAL_TIMEOUT,
                          "connection with "
                              + ch.remoteAddress()
                              + " not secured and multiplexed within "
                              + timeout))) {
                    ch.close();
                  }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    established.whenComplete((c, e) -> t.cancel(false));
  }

  // ---- the upgrade pipeline ----

  private void upgrade(
      Channel ch,
      NoiseXX.Role role,
      Optional<PeerId> expected,
      CompletableFuture<Connection> established) {
    boolean initiator = role == NoiseXX.Role.INITIATOR;
    MultistreamNegotiator.Outcome security =
        new MultistreamNegotiator.Outcome() {
          @Override
          public void selected(ChannelHandlerContext ctx, String protocol) {
            ctx.pipeline()
                .addAfter(ctx.name(), "noise-frames", new NoiseFrameDecoder())
                .addAfter(
                    "noise-frames",
                    "noise-handshake",
                    new NoiseHandshakeHandler(
                        role,
                        config.identity(),
                        expected,
                        config.inlineMuxer() ? List.of(YAMUX) : List.of(),
                        random,
                        secured(ch, initiator, established)));
          }

          @Override
          public void failed(ChannelHandlerContext ctx, String reason) {
            established.completeExceptionally(
                new P2pException(P2pException.Reason.HANDSHAKE_FAILED, reason));
          }
        };
    ch.pipeline()
        .addLast("mss", new MultistreamDecoder())
        .addLast("exceptions", ConnectionExceptionHandler.INSTANCE)
        .addBefore(
            "exceptions",
            "mss-negotiate",
            initiator
                ? MultistreamNegotiator.initiator(NOISE, security)
                : MultistreamNegotiator.responder(Set.of(NOISE), security));
  }

  private NoiseHandshakeHandler.Outcome secured(
      Channel ch, boolean initiator, CompletableFuture<Connection> established) {
    return new NoiseHandshakeHandler.Outcome() {
      @Override
      public void secured(
          ChannelHandlerContext transport, PeerId remote, Optional<String> inlinedMuxer) {
        if (!config.gater().allow(remote, !initiator)) {
          P2pException e =
              new P2pException(P2pException.Reason.GATED, "peer " + remote + " is not allowed");
          established.completeExceptionally(e);
          LOG.info("refusing peer {} at {}: gated", remote, ch.remoteAddress());
          ch.close();
          return;
        }
        if (inlinedMuxer.isPresent()) {
          installYamux(transport, ch, initiator, remote, true, established);
          return;
        }
        MultistreamNegotiator.Outcome muxer =
            new MultistreamNegotiator.Outcome() {
              @Override
              public void selected(ChannelHandlerContext ctx, String protocol) {
                installYamux(ctx, ch, initiator, remote, false, established);
              }

              @Override
              public void failed(ChannelHandlerContext ctx, String reason) {
                established.completeExceptionally(
                    new P2pException(P2pException.Reason.HANDSHAKE_FAILED, reason));
              }
            };
        transport
            .pipeline()
            .addAfter(transport.name(), "mss-muxer", new MultistreamDecoder())
            .addAfter(
                "mss-muxer",
                "mss-muxer-negotiate",
                initiator
                    ? MultistreamNegotiator.initiator(YAMUX, muxer)
                    : MultistreamNegotiator.responder(Set.of(YAMUX), muxer));
      }

      @Override
      public void failed(ChannelHandlerContext ctx, P2pException cause) {
        established.completeExceptionally(cause);
      }
    };
  }

  private void installYamux(
      ChannelHandlerContext after,
      Channel ch,
      boolean initiator,
      PeerId remote,
      boolean inlined,
      CompletableFuture<Connection> established) {
    Connection[] holder = new Connection[1];
    YamuxSession session =
        new YamuxSession(
            initiator,
            yamuxConfig,
            listenerFor(holder),
            ch.pipeline().get(NoiseTransportHandler.class));
    InetSocketAddress ra = (InetSocketAddress) ch.remoteAddress();
    Multiaddr remoteAddr =
        ra == null
            ? Multiaddr.tcp("0.0.0.0", 0)
            : Multiaddr.tcp(ra.getAddress().getHostAddress(), ra.getPort());
    Connection connection = new Connection(ch, remote, remoteAddr, !initiator, session, inlined);
    holder[0] = connection;
    after
        .pipeline()
        .addAfter(
            after.name(), "yamux-frames", new YamuxFrameDecoder(config.limits().maxStreamWindow()))
        .addAfter("yamux-frames", "yamux", session);
    if (!ch.isActive()) {
      established.completeExceptionally(
          new P2pException(P2pException.Reason.CONNECTION_CLOSED, "connection closed"));
      return;
    }
    register(connection);
    if (!established.complete(connection)) {
      connection.close(); // timed out meanwhile
    }
  }

  private YamuxSession.Listener listenerFor(Connection[] holder) {
    return new YamuxSession.Listener() {
      @Override
      public void onInboundStream(YamuxStream stream) {
        Connection c = holder[0];
        c.touch();
        executor.execute(() -> serveInbound(c, stream));
      }

      @Override
      public void onClosed() {
        Connection c = holder[0];
        if (c != null) {
          unregister(c);
        }
      }
    };
  }

  private void register(Connection c) {
    connections.computeIfAbsent(c.remotePeer(), p -> ConcurrentHashMap.newKeySet()).add(c);
    LOG.debug("connected {}", c);
  }

  private void unregister(Connection c) {
    connections.computeIfPresent(
        c.remotePeer(),
        (p, set) -> {
          set.remove(c);
          return set.isEmpty() ? null : set;
        });
    LOG.debug("disconnected {}", c);
  }

  // ---- inbound streams ----

  private void serveInbound(Connection c, YamuxStream stream) {
    String protocol;
    ScheduledFuture<?> watchdog = resetUnlessNegotiatedInTime(stream);
    try {
      protocol = StreamNegotiation.accept(stream, handlers::containsKey);
    } catch (IOException e) {
      LOG.debug("stream negotiation with {} failed: {}", c.remotePeer(), e.getMessage());
      stream.reset();
      return;
    } finally {
      watchdog.cancel(false);
    }
    if (protocol == null) {
      stream.close();
      return;
    }
    StreamHandler handler = handlers.get(protocol);
    DefaultP2pStream s =
        new DefaultP2pStream(stream, c.remotePeer(), protocol, config.limits().maxMessageSize());
    try {
      handler.handle(s);
      s.close();
    } catch (Exception e) {
      LOG.info("{} handler for {} failed: {}", protocol, c.remotePeer(), e.toString());
      LOG.debug("handler failure", e);
      s.reset();
    }
  }

  // ---- dialing ----

  /** A connection to {@code peer} (reused when one is open) or to whoever is at the address. */
  public CompletableFuture<Connection> connect(Optional<PeerId> peer, List<Multiaddr> addresses) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new P2pException(P2pException.Reason.HOST_CLOSED, "host is closed"));
    }
    Optional<Connection> existing =
        peer.isPresent()
            ? usableConnection(peer.get())
            : addresses.isEmpty()
                ? Optional.empty()
                : usableOutboundConnection(addresses.getFirst().withoutPeerId());
    if (existing.isPresent()) {
      return CompletableFuture.completedFuture(existing.get());
    }
    if (addresses.isEmpty()) {
      return CompletableFuture.failedFuture(
          new P2pException(P2pException.Reason.DIAL_FAILED, "no address to dial " + peer));
    }
    String key = peer.map(p -> "peer:" + p).orElse("addr:" + addresses.getFirst().withoutPeerId());
    CompletableFuture<Connection> mine = new CompletableFuture<>();
    while (true) {
      CompletableFuture<Connection> theirs = pendingDials.putIfAbsent(key, mine);
      if (theirs == null) {
        break;
      }
      if (!theirs.isDone()) {
        return theirs; // a dial to the same peer is under way: share it
      }
      pendingDials.remove(key, theirs); // finished; its own cleanup may not have run yet
    }
    // The entry goes before the result is published, so a caller that sees the failure and
    // tries again starts a new dial instead of finding this one.
    CompletableFuture<Connection> result = new CompletableFuture<>();
    result.whenComplete(
        (c, e) -> {
          pendingDials.remove(key, mine);
          if (e == null) {
            mine.complete(c);
          } else {
            mine.completeExceptionally(unwrap(e));
          }
        });
    executor.execute(() -> dialAll(peer, addresses, 0, result, null));
    return mine;
  }

  /** The open connections to {@code peer}, for tests and diagnostics. */
  public List<Connection> connectionsTo(PeerId peer) {
    Set<Connection> set = connections.get(peer);
    return set == null ? List.of() : List.copyOf(set);
  }

  /** A connection we dialed to exactly this address (dials without a /p2p component). */
  private Optional<Connection> usableOutboundConnection(Multiaddr address) {
    return connections.values().stream()
        .flatMap(Set::stream)
        .filter(c -> !c.isInbound() && c.isUsable() && c.remoteAddress().equals(address))
        .findFirst();
  }

  private Optional<Connection> usableConnection(PeerId peer) {
    Set<Connection> set = connections.get(peer);
    if (set == null) {
      return Optional.empty();
    }
    return set.stream().filter(Connection::isUsable).findFirst();
  }

  private void dialAll(
      Optional<PeerId> peer,
      List<Multiaddr> addresses,
      int index,
      CompletableFuture<Connection> result,
      Throwable lastError) {
    if (index >= addresses.size()) {
      result.completeExceptionally(lastError);
      return;
    }
    Multiaddr address = addresses.get(index);
    dialOne(peer, address)
        .whenComplete(
            (c, e) -> {
              if (e == null) {
                result.complete(c);
              } else {
                dialAll(peer, addresses, index + 1, result, unwrap(e));
              }
            });
  }

  private CompletableFuture<Connection> dialOne(Optional<PeerId> peer, Multiaddr address) {
    Optional<PeerId> expected = peer.or(address::peerId);
    if (peer.isPresent() && address.peerId().isPresent() && !address.peerId().equals(peer)) {
      return CompletableFuture.failedFuture(
          new P2pException(
              P2pException.Reason.DIAL_FAILED, "address " + address + " names another peer"));
    }
    if (expected.isPresent() && expected.get().equals(self)) {
      return CompletableFuture.failedFuture(
          new P2pException(P2pException.Reason.DIAL_FAILED, "refusing to dial ourselves"));
    }
    // Keyed by address and expected peer: a wrong peer id at an address must not hold back a
    // dial of the right one.
    String backoffKey =
        expected.map(p -> address.withoutPeerId().withPeerId(p)).orElse(address).toString();
    Backoff b = backoffs.get(backoffKey);
    long now = System.nanoTime();
    if (b != null && now < b.untilNanos()) {
      return CompletableFuture.failedFuture(
          new P2pException(
              P2pException.Reason.DIAL_BACKOFF,
              address
                  + " failed "
                  + b.failures()
                  + " time(s); next try in "
                  + Duration.ofNanos(b.untilNanos() - now).toMillis()
                  + " ms"));
    }
    if (openChannels.get() >= config.limits().maxConnections()) {
      return CompletableFuture.failedFuture(
          new P2pException(
              P2pException.Reason.LIMIT_REACHED,
              "connection limit " + config.limits().maxConnections() + " reached"));
    }
    CompletableFuture<Connection> established = new CompletableFuture<>();
    InetSocketAddress target;
    try {
      if (!address.hasHostAndPort()) {
        throw new IllegalArgumentException("no host and port in " + address);
      }
      target = new InetSocketAddress(address.host(), address.port()); // may resolve DNS; not on
      // the event loop: dials start on a virtual thread
      if (target.isUnresolved()) {
        throw new IllegalArgumentException("cannot resolve " + address.host());
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new P2pException(P2pException.Reason.DIAL_FAILED, e.getMessage()));
    }
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, config.timeouts().dial().toMillis()))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    track(ch);
                    upgrade(ch, NoiseXX.Role.INITIATOR, expected, established);
                    scheduleUpgradeTimeout(ch, established);
                  }
                });
    bootstrap
        .connect(target)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                Throwable cause = f.cause();
                P2pException.Reason reason =
                    cause instanceof io.netty.channel.ConnectTimeoutException
                        ? P2pException.Reason.DIAL_TIMEOUT
                        : P2pException.Reason.DIAL_FAILED;
                established.completeExceptionally(
                    new P2pException(
                        reason, "cannot connect to " + address + ": " + cause.getMessage(), cause));
              }
            });
    return established.whenComplete(
        (c, e) -> {
          if (e == null) {
            backoffs.remove(backoffKey);
          } else {
            Backoff old = backoffs.get(backoffKey);
            int failures = old == null ? 1 : old.failures() + 1;
            long wait =
                Math.min(
                    config.timeouts().backoffMax().toNanos(),
                    config.timeouts().backoffBase().toNanos() << Math.min(failures - 1, 20));
            backoffs.put(backoffKey, new Backoff(failures, System.nanoTime() + wait));
          }
        });
  }

  // ---- streams ----

  public CompletableFuture<P2pStream> openStream(
      Optional<PeerId> peer, List<Multiaddr> addresses, String protocolId) {
    io.cairn.p2p.internal.multistream.Multistream.checkProtocolId(protocolId);
    return openStream(peer, addresses, protocolId, true);
  }

  /**
   * One attempt; when a reused connection turns out to be dead (the remote vanished without Go
   * Away), it is dropped and the stream is tried once more on a fresh dial.
   */
  private CompletableFuture<P2pStream> openStream(
      Optional<PeerId> peer, List<Multiaddr> addresses, String protocolId, boolean retry) {
    return connect(peer, addresses)
        .thenComposeAsync(
            c -> {
              try {
                return CompletableFuture.completedFuture(negotiateOutbound(c, protocolId));
              } catch (P2pException e) {
                if (retry && e.reason() == P2pException.Reason.CONNECTION_CLOSED) {
                  LOG.debug("connection {} was dead; dialing again", c);
                  unregister(c);
                  c.close();
                  return openStream(peer, addresses, protocolId, false);
                }
                return CompletableFuture.failedFuture(e);
              } catch (IOException | RuntimeException e) {
                return CompletableFuture.failedFuture(e);
              }
            },
            executor);
  }

  private P2pStream negotiateOutbound(Connection c, String protocolId) throws IOException {
    YamuxStream stream = c.session().openStream();
    c.touch();
    ScheduledFuture<?> watchdog = resetUnlessNegotiatedInTime(stream);
    try {
      StreamNegotiation.select(stream, protocolId);
    } catch (IOException | RuntimeException e) {
      stream.reset();
      if (watchdog.isDone() && !watchdog.isCancelled()) {
        throw new P2pException(
            P2pException.Reason.DIAL_TIMEOUT,
            c.remotePeer()
                + " did not answer multistream-select for "
                + protocolId
                + " within "
                + config.timeouts().dial());
      }
      throw e;
    } finally {
      watchdog.cancel(false);
    }
    return new DefaultP2pStream(
        stream, c.remotePeer(), protocolId, config.limits().maxMessageSize());
  }

  /**
   * A peer that never finishes multistream-select on a stream gets it reset after the dial timeout.
   */
  private ScheduledFuture<?> resetUnlessNegotiatedInTime(YamuxStream stream) {
    return group.schedule(
        stream::reset, config.timeouts().dial().toMillis(), TimeUnit.MILLISECONDS);
  }

  // ---- housekeeping ----

  private void sweepIdle() {
    long now = System.nanoTime();
    long idle = config.timeouts().idle().toNanos();
    connections.values().stream()
        .flatMap(Set::stream)
        .filter(c -> c.idleFor(now, idle))
        .toList()
        .forEach(
            c -> {
              LOG.debug("closing idle {}", c);
              c.close();
            });
  }

  static Throwable unwrap(Throwable e) {
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (sweeper != null) {
      sweeper.cancel(false);
    }
    for (Channel s : servers) {
      s.close();
    }
    for (Set<Connection> set : connections.values()) {
      for (Connection c : set) {
        c.close();
      }
    }
    for (Channel ch : channels) {
      ch.close();
    }
    for (Channel ch : List.copyOf(channels)) {
      ch.closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    executor.shutdown();
  }
}
