/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two or more Java hosts over loopback TCP. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostIntegrationTest {
  static final String ECHO = "/cairn/echo/1.0.0";

  private final List<Host> hosts = new ArrayList<>();

  private Host start(HostConfig.Builder b) throws IOException {
    Host h = Host.start(b.build());
    hosts.add(h);
    h.handle(ECHO, HostIntegrationTest::echo);
    return h;
  }

  private Host start() throws IOException {
    return start(HostConfig.builder());
  }

  @AfterEach
  void closeHosts() {
    hosts.forEach(Host::close);
  }

  static void echo(P2pStream s) throws IOException {
    s.in().transferTo(s.out());
    s.closeWrite();
  }

  static byte[] randomBytes(long seed, int n) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  /** Writes {@code data} on one virtual thread while reading the echo on this one. */
  static byte[] echoThrough(P2pStream s, byte[] data) throws Exception {
    CompletableFuture<Void> writer = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                OutputStream out = s.out();
                for (int off = 0; off < data.length; off += 100_000) {
                  out.write(data, off, Math.min(100_000, data.length - off));
                }
                s.closeWrite();
                writer.complete(null);
              } catch (Throwable t) {
                writer.completeExceptionally(t);
              }
            });
    byte[] back = s.in().readAllBytes();
    writer.get(60, TimeUnit.SECONDS);
    return back;
  }

  @ParameterizedTest(name = "dialer inline {0}, listener inline {1}")
  @CsvSource({"true,true", "true,false", "false,true", "false,false"})
  void shouldPingAndEchoFiveMebibytesWithEveryMuxerNegotiation(
      boolean dialInline, boolean listenInline) throws Exception {
    Host listener = start(HostConfig.builder().inlineMuxer(listenInline));
    Host dialer = start(HostConfig.builder().inlineMuxer(dialInline).noListen());

    Duration rtt = dialer.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS);
    assertTrue(rtt.toNanos() > 0);

    byte[] data = randomBytes(42, 5 * 1024 * 1024);
    try (P2pStream s =
        dialer.openStream(listener.listenAddress(), ECHO).get(30, TimeUnit.SECONDS)) {
      assertEquals(listener.peerId(), s.remotePeer());
      assertEquals(ECHO, s.protocol());
      assertArrayEquals(
          MessageDigest.getInstance("SHA-256").digest(data),
          MessageDigest.getInstance("SHA-256").digest(echoThrough(s, data)));
    }
    assertEquals(1, dialer.connectionCount(), "ping and echo share one connection");
  }

  /** The libp2p peer-id spec's Ed25519 test vector (peer-ids.md, "Test vectors"). */
  @Test
  void shouldAnnounceThePeerIdOfTheSpecVectorKey() throws Exception {
    Ed25519.PrivateKey key =
        Ed25519.PrivateKey.fromProtobuf(
            java.util.HexFormat.of()
                .parseHex(
                    "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d"
                        + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e"));
    Host h = start(HostConfig.builder(new Ed25519.KeyPair(key, key.publicKey())));
    assertEquals("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq", h.peerId().toString());
    assertTrue(
        h.listenAddress().toString().endsWith("/p2p/" + h.peerId()), h.listenAddress().toString());
    Host dialer = start(HostConfig.builder().noListen());
    assertEquals(h.peerId(), dialer.connect(h.listenAddress()).get(30, TimeUnit.SECONDS));
  }

  @Test
  void shouldRunEightParallelStreamsOnOneConnection() throws Exception {
    Host listener = start();
    Host dialer = start(HostConfig.builder().noListen());
    List<CompletableFuture<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      final int seed = i;
      results.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (P2pStream s = dialer.openStreamBlocking(listener.listenAddress(), ECHO)) {
                  byte[] data = randomBytes(seed, 1024 * 1024 + seed);
                  return java.util.Arrays.equals(data, echoThrough(s, data));
                } catch (Exception e) {
                  throw new CompletionException(e);
                }
              },
              java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
    }
    for (CompletableFuture<Boolean> r : results) {
      assertTrue(r.get(60, TimeUnit.SECONDS));
    }
    assertEquals(1, dialer.connectionCount());
  }

  @Test
  void shouldFailCleanlyWhenTheRemoteProvesAnotherIdentity() throws Exception {
    Host listener = start();
    PeerId other = PeerId.of(Ed25519.generate(new SecureRandom()).publicKey());
    Multiaddr wrong = listener.listenAddress().withoutPeerId().withPeerId(other);
    Host dialer = start(HostConfig.builder().noListen());
    CompletionException e =
        assertThrows(CompletionException.class, () -> dialer.openStream(wrong, ECHO).join());
    P2pException p = assertInstanceOf(P2pException.class, e.getCause());
    assertEquals(P2pException.Reason.PEER_ID_MISMATCH, p.reason());
    assertTrue(p.getMessage().contains(listener.peerId().toString()), p.getMessage());
    // The listener is unharmed: a correct dial from another host works.
    Host second = start(HostConfig.builder().noListen());
    assertTrue(second.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS).toNanos() > 0);
  }

  @Test
  void shouldAnswerNaForAnUnknownProtocol() throws Exception {
    Host listener = start();
    Host dialer = start(HostConfig.builder().noListen());
    CompletionException e =
        assertThrows(
            CompletionException.class,
            () -> dialer.openStream(listener.listenAddress(), "/cairn/nope/1.0.0").join());
    assertEquals(
        P2pException.Reason.PROTOCOL_NOT_SUPPORTED,
        assertInstanceOf(P2pException.class, e.getCause()).reason());
    // The connection stays usable.
    assertTrue(dialer.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS).toNanos() > 0);
  }

  @Test
  void shouldRefuseAGatedPeer() throws Exception {
    Host dialer = start(HostConfig.builder().noListen());
    PeerId allowed = PeerId.of(Ed25519.generate(new SecureRandom()).publicKey());
    Host listener =
        start(HostConfig.builder().gater((peer, inbound) -> peer.equals(allowed) || !inbound));
    Throwable e =
        assertThrows(
                CompletionException.class,
                () -> dialer.openStream(listener.listenAddress(), ECHO).join())
            .getCause();
    assertInstanceOf(P2pException.class, e);
  }

  @Test
  void shouldShareOneDialBetweenConcurrentOpens() throws Exception {
    Host listener = start();
    Host dialer = start(HostConfig.builder().noListen());
    List<CompletableFuture<P2pStream>> opens = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      opens.add(dialer.openStream(listener.listenAddress(), Ping.PROTOCOL_ID));
    }
    for (CompletableFuture<P2pStream> f : opens) {
      try (P2pStream s = f.get(30, TimeUnit.SECONDS)) {
        Ping.roundTrip(s);
      }
    }
    assertEquals(1, dialer.connectionCount());
  }

  @Test
  void shouldBackOffFromAnAddressThatRefused() throws Exception {
    int port;
    try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
      port = ss.getLocalPort();
    }
    Host dialer = start(HostConfig.builder().noListen());
    Multiaddr dead = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port);
    Throwable first =
        assertThrows(CompletionException.class, () -> dialer.openStream(dead, ECHO).join())
            .getCause();
    assertEquals(P2pException.Reason.DIAL_FAILED, ((P2pException) first).reason());
    Throwable second =
        assertThrows(CompletionException.class, () -> dialer.openStream(dead, ECHO).join())
            .getCause();
    assertEquals(P2pException.Reason.DIAL_BACKOFF, ((P2pException) second).reason());
  }

  @Test
  void shouldTimeOutADialToAPeerThatNeverAnswers() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
      Host dialer =
          start(
              HostConfig.builder()
                  .noListen()
                  .timeouts(
                      new HostConfig.Timeouts(
                          Duration.ofMillis(300),
                          Duration.ofMinutes(1),
                          Duration.ofSeconds(1),
                          Duration.ofSeconds(10))));
      Multiaddr addr = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + silent.getLocalPort());
      Throwable e =
          assertThrows(CompletionException.class, () -> dialer.openStream(addr, ECHO).join())
              .getCause();
      assertEquals(P2pException.Reason.DIAL_TIMEOUT, ((P2pException) e).reason());
    }
  }

  @Test
  void shouldResetAStreamWhoseOpenerNeverNegotiates() throws Exception {
    Host listener =
        start(
            HostConfig.builder()
                .timeouts(
                    new HostConfig.Timeouts(
                        Duration.ofMillis(300),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10))));
    Host dialer = start(HostConfig.builder().noListen());
    dialer.connect(listener.listenAddress()).get(30, TimeUnit.SECONDS);
    var connection = dialer.network().connectionsTo(listener.peerId()).getFirst();
    var raw = connection.session().openStream(); // and then say nothing
    P2pException e = assertThrows(P2pException.class, () -> raw.in().read());
    assertEquals(P2pException.Reason.STREAM_RESET, e.reason());
    assertTrue(dialer.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS).toNanos() > 0);
  }

  @Test
  void shouldReuseAConnectionDialedByAddressWithoutPeerId() throws Exception {
    Host listener = start();
    Host dialer = start(HostConfig.builder().noListen());
    Multiaddr bare = listener.listenAddress().withoutPeerId();
    assertEquals(listener.peerId(), dialer.connect(bare).get(30, TimeUnit.SECONDS));
    dialer.ping(bare).get(30, TimeUnit.SECONDS);
    dialer.ping(bare).get(30, TimeUnit.SECONDS);
    assertEquals(1, dialer.connectionCount());
  }

  @Test
  void shouldRunHandlersOnVirtualThreadsNotOnTheEventLoop() throws Exception {
    Host listener = start();
    CompletableFuture<Thread> handlerThread = new CompletableFuture<>();
    listener.handle(
        "/cairn/where/1.0.0",
        s -> {
          handlerThread.complete(Thread.currentThread());
          Thread.sleep(200); // blocking here must not stall the connection
          s.out().write(1);
        });
    Host dialer = start(HostConfig.builder().noListen());
    try (P2pStream slow =
        dialer.openStream(listener.listenAddress(), "/cairn/where/1.0.0").join()) {
      // While the handler sleeps, the same connection keeps serving other streams.
      assertTrue(dialer.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS).toNanos() > 0);
      assertEquals(1, slow.in().read());
    }
    Thread t = handlerThread.get(30, TimeUnit.SECONDS);
    assertTrue(t.isVirtual(), t.toString());
    assertEquals(1, dialer.connectionCount());
  }

  /**
   * Three hosts dial each other at once and run many echo streams of random sizes in parallel:
   * exercises dial de-duplication, simultaneous connections both ways, and frames sealed on many
   * threads reaching the wire in nonce order.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2})
  void shouldCarryManyConcurrentStreamsBetweenSeveralHosts(long seed) throws Exception {
    List<Host> peers = List.of(start(), start(), start());
    SplittableRandom rnd = new SplittableRandom(seed);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 48; i++) {
        Host from = peers.get(rnd.nextInt(3));
        Host to = peers.get(rnd.nextInt(3));
        if (from == to) {
          continue;
        }
        byte[] data = randomBytes(rnd.nextLong(), rnd.nextInt(0, 400_000));
        all.add(
            CompletableFuture.runAsync(
                () -> {
                  try (P2pStream s = from.openStreamBlocking(to.listenAddress(), ECHO)) {
                    if (!java.util.Arrays.equals(data, echoThrough(s, data))) {
                      throw new AssertionError("echo differs, seed " + seed);
                    }
                  } catch (Exception e) {
                    throw new CompletionException(e);
                  }
                },
                pool));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }
    for (Host h : peers) {
      assertTrue(h.connectionCount() <= 4, "at most one connection each way per pair");
    }
  }

  @Test
  void shouldCloseIdleConnections() throws Exception {
    Host listener = start();
    Host dialer =
        start(
            HostConfig.builder()
                .noListen()
                .timeouts(
                    new HostConfig.Timeouts(
                        Duration.ofSeconds(10),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10))));
    dialer.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (dialer.connectionCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, dialer.connectionCount());
  }

  @Test
  void shouldRejectAMessageOverTheReadersLimit() throws Exception {
    Host listener = start();
    CountDownLatch served = new CountDownLatch(1);
    AtomicInteger reason = new AtomicInteger(-1);
    listener.handle(
        "/cairn/msg/1.0.0",
        s -> {
          try {
            s.readMessage(com.google.protobuf.BytesValue.parser(), 100);
          } catch (P2pException e) {
            reason.set(e.reason().ordinal());
          } finally {
            served.countDown();
          }
        });
    Host dialer = start(HostConfig.builder().noListen());
    try (P2pStream s = dialer.openStream(listener.listenAddress(), "/cairn/msg/1.0.0").join()) {
      s.writeMessage(
          com.google.protobuf.BytesValue.of(
              com.google.protobuf.ByteString.copyFrom(new byte[500])));
      assertTrue(served.await(30, TimeUnit.SECONDS));
    }
    assertEquals(P2pException.Reason.MESSAGE_TOO_LARGE.ordinal(), reason.get());
  }

  @Test
  void shouldRoundTripProtobufMessages() throws Exception {
    Host listener = start();
    listener.handle(
        "/cairn/upper/1.0.0",
        s -> {
          while (true) {
            var m = s.readMessageIfAny(com.google.protobuf.StringValue.parser(), 1 << 20);
            if (m.isEmpty()) {
              return;
            }
            s.writeMessage(com.google.protobuf.StringValue.of(m.get().getValue().toUpperCase()));
          }
        });
    Host dialer = start(HostConfig.builder().noListen());
    try (P2pStream s = dialer.openStream(listener.listenAddress(), "/cairn/upper/1.0.0").join()) {
      for (String word : List.of("cairn", "shard", "audit")) {
        s.writeMessage(com.google.protobuf.StringValue.of(word));
        assertEquals(
            word.toUpperCase(),
            s.readMessage(com.google.protobuf.StringValue.parser(), 1024).getValue());
      }
      s.closeWrite();
      assertFalse(s.readMessageIfAny(com.google.protobuf.StringValue.parser(), 1024).isPresent());
    }
  }

  @Test
  void shouldDisconnectAGarbagePeerAndKeepServingOthers() throws Exception {
    Host listener = start();
    Host good = start(HostConfig.builder().noListen());
    good.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS);
    for (long seed = 1; seed <= 5; seed++) {
      try (Socket raw =
          new Socket(listener.listenAddress().host(), listener.listenAddress().port())) {
        raw.setSoTimeout(10_000);
        raw.getOutputStream().write(randomBytes(seed, 4096));
        InputStream in = raw.getInputStream();
        // The listener closes on us: read until EOF (it may first answer multistream "na").
        byte[] sink = new byte[4096];
        try {
          while (in.read(sink) >= 0) {
            // drain
          }
        } catch (java.net.SocketException reset) {
          // a reset is as good as a close
        }
      }
    }
    assertTrue(good.ping(listener.listenAddress()).get(30, TimeUnit.SECONDS).toNanos() > 0);
  }
}
