/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.cairn.client.audit.AuditSampler;
import io.cairn.node.config.NodeConfig;
import io.cairn.node.store.ReadResult;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.cairn.CairnCallException;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.p2p.cairn.CairnFrames;
import io.cairn.p2p.cairn.RetrievedShard;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.codec.Varint;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.DeleteReply;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.PeerRecord;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreAnswer;
import io.cairn.protocol.message.StoreCall;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import io.cairn.protocol.wire.StoreProtocolRequest;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node daemon in this JVM, driven over loopback by a client host through {@link CairnClient} and
 * through raw streams for inputs no well-behaved client sends. Every bad input must get its
 * specific error code, and the node must go on serving afterwards.
 */
class NodeDaemonTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;
  NodeDaemon node;
  Host clientHost;
  CairnClient client;

  @BeforeEach
  void start() throws Exception {
    node = NodeDaemon.start(dir, config(Map.of("quota", "8MiB")));
    clientHost = Host.start(HostConfig.builder().noListen().eventLoopThreads(1).build());
    client = new CairnClient(clientHost, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (clientHost != null) {
      clientHost.close();
    }
    if (node != null) {
      node.close();
    }
  }

  static NodeConfig config(Map<String, String> extra) throws Exception {
    Map<String, String> flags = new java.util.HashMap<>(extra);
    flags.put("listen", "/ip4/127.0.0.1/tcp/0");
    flags.put("metrics.port", "0");
    return NodeConfig.resolve(Map.of(), flags);
  }

  PeerId nodeId() {
    return node.peerId();
  }

  List<Multiaddr> addrs() {
    return node.listenAddresses();
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void shouldStoreRetrieveAuditAndDeleteAShard() throws Exception {
    byte[] data = random(300_000, 1);
    Cid cid = Cid.of(data);

    StoreReceipt receipt = client.store(nodeId(), addrs(), cid, data, 0, data.length);
    assertTrue(receipt.verify(nodeId()));
    assertEquals(client.self(), receipt.client());
    assertEquals(data.length, receipt.size());

    RetrieveRequest req = RetrieveRequest.of(cid, RANDOM);
    RetrievedShard got = client.retrieve(nodeId(), addrs(), req, data.length);
    assertArrayEquals(data, got.data().toArray());
    assertTrue(got.proof().answers(req, nodeId()));

    byte[] round = random(16, 2);
    AuditChallenge ch =
        AuditChallenge.of(cid, Bytes.wrap(round), System.currentTimeMillis(), RANDOM);
    AuditResponse ar = client.audit(nodeId(), addrs(), ch);
    assertArrayEquals(
        AuditSampler.response(round, data, 0, data.length, ch.blockSize(), ch.blockCount()),
        ar.hash().toArray());

    DeleteReply d = client.delete(nodeId(), addrs(), cid);
    assertTrue(d.existed());
    assertRefused(ErrorCode.NOT_FOUND, () -> client.retrieve(nodeId(), addrs(), req));
    assertFalse(client.delete(nodeId(), addrs(), cid).existed());
  }

  @Test
  void shouldRefuseBadRequestsWithSpecificCodesAndKeepServing() throws Exception {
    byte[] data = random(70_000, 3);
    Cid cid = Cid.of(data);
    byte[] other = random(70_000, 4);

    assertRefused(
        ErrorCode.CID_MISMATCH, () -> client.store(nodeId(), addrs(), cid, other, 0, other.length));
    assertRefused(
        ErrorCode.NOT_FOUND,
        () -> client.retrieve(nodeId(), addrs(), RetrieveRequest.of(cid, RANDOM)));
    assertRefused(
        ErrorCode.QUOTA_EXCEEDED,
        () -> {
          byte[] big = random(9 * 1024 * 1024, 5);
          return client.store(nodeId(), addrs(), Cid.of(big), big, 0, big.length);
        });
    // Refused from the request alone: the node did not read the 9 MiB first.
    String metrics;
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      metrics =
          http.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://127.0.0.1:" + node.metricsPort() + "/metrics"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
    }
    assertTrue(
        metrics.contains(
            "cairn_node_requests_total{kind=\"store\",outcome=\"quota_exceeded_early\"} 1"),
        metrics);

    client.store(nodeId(), addrs(), cid, data, 0, data.length);
    try (Host stranger = Host.start(HostConfig.builder().noListen().eventLoopThreads(1).build())) {
      CairnClient other2 = new CairnClient(stranger, Duration.ofSeconds(30));
      assertRefused(ErrorCode.UNAUTHORIZED, () -> other2.delete(nodeId(), addrs(), cid));
    }

    byte[] round = random(16, 6);
    AuditChallenge first =
        AuditChallenge.of(cid, Bytes.wrap(round), System.currentTimeMillis(), RANDOM);
    client.audit(nodeId(), addrs(), first);
    AuditChallenge again =
        AuditChallenge.of(cid, Bytes.wrap(round), System.currentTimeMillis(), RANDOM);
    assertRefused(ErrorCode.AUDIT_NONCE_REPLAYED, () -> client.audit(nodeId(), addrs(), again));
    AuditChallenge stale =
        AuditChallenge.of(
            cid, Bytes.wrap(random(16, 7)), System.currentTimeMillis() - 3_600_000, RANDOM);
    assertRefused(ErrorCode.AUDIT_STALE, () -> client.audit(nodeId(), addrs(), stale));

    // Raw streams: what the client never sends.
    assertEquals(ErrorCode.MALFORMED, rawStore(frame(new byte[] {(byte) 0xff, 0x01, 0x02})).code());
    byte[] huge = Varint.encode(Protocols.MAX_CONTROL_MESSAGE + 1);
    assertEquals(ErrorCode.TOO_LARGE, rawStoreBytes(huge).code());
    byte[] tooBigShard =
        StoreProtocolRequest.newBuilder()
            .setStore(
                io.cairn.protocol.wire.StoreRequest.newBuilder()
                    .setCid(ByteString.copyFrom(cid.toBytes()))
                    .setSize(Protocols.MAX_SHARD_SIZE + 1))
            .build()
            .toByteArray();
    assertEquals(ErrorCode.SHARD_TOO_LARGE, rawStore(frame(tooBigShard)).code());
    // Announces 1000 bytes, sends 10, then half-closes: a failed exchange.
    byte[] shortStore =
        concat(frame(StoreCall.encode(new StoreRequest(cid, 1000, 1))), new byte[10]);
    assertEquals(ErrorCode.MALFORMED, rawStoreBytes(shortStore).code());
    // A frame that ends early.
    assertEquals(ErrorCode.MALFORMED, rawStoreBytes(new byte[] {50, 1, 2, 3}).code());

    // Still serving.
    RetrievedShard got =
        client.retrieve(nodeId(), addrs(), RetrieveRequest.of(cid, RANDOM), data.length);
    assertArrayEquals(data, got.data().toArray());
    assertTrue(
        node.database().shards().get(cid) instanceof ReadResult.Found,
        "the shard is intact after the bad requests");
  }

  @Test
  void shouldRefuseARetrieveLargerThanTheCallerExpects() throws Exception {
    byte[] data = random(100_000, 8);
    Cid cid = Cid.of(data);
    client.store(nodeId(), addrs(), cid, data, 0, data.length);
    CairnCallException e =
        assertThrows(
            CairnCallException.class,
            () -> client.retrieve(nodeId(), addrs(), RetrieveRequest.of(cid, RANDOM), 1000));
    assertEquals(CairnCallException.Kind.BAD_ANSWER, e.kind(), e.getMessage());
  }

  @Test
  void shouldAnswerPeerExchangeWithItsOwnSignedRecordAndLearnTheCallers() throws Exception {
    Ed25519.KeyPair me = Ed25519.generate(RANDOM);
    try (Host h = Host.start(HostConfig.builder(me).noListen().eventLoopThreads(1).build())) {
      CairnClient c = new CairnClient(h, Duration.ofSeconds(30));
      PeerRecord mine =
          PeerRecord.sign(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/9")), 1, me.privateKey());
      List<PeerRecord> got = c.peers(nodeId(), addrs(), 8, Optional.of(mine));
      assertEquals(nodeId(), got.getFirst().peer());
      assertTrue(got.getFirst().verifySignature());
      assertTrue(node.peers().get(mine.peer()).isPresent());
      assertTrue(node.database().peers().get(mine.peer()).isPresent(), "persisted in the table");

      // A record of someone else presented as the caller's own is refused.
      PeerRecord notMine = PeerRecord.sign(List.of(), 1, Ed25519.generate(RANDOM).privateKey());
      assertRefused(ErrorCode.MALFORMED, () -> c.peers(nodeId(), addrs(), 8, Optional.of(notMine)));
    }
    // Another caller learns the first one from the node.
    List<PeerRecord> seen = client.peers(nodeId(), addrs(), 8, Optional.empty());
    assertEquals(2, seen.size(), seen.toString());
  }

  @Test
  void shouldLearnPeersThroughABootstrapNode() throws Exception {
    Path dirB = dir.resolve("b");
    Multiaddr a = addrs().getFirst();
    try (NodeDaemon b = NodeDaemon.start(dirB, config(Map.of("bootstrap", a.toString())))) {
      PeerId bId = b.peerId();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      List<PeerRecord> seen;
      do {
        Thread.sleep(50);
        seen = client.peers(nodeId(), addrs(), 8, Optional.empty());
      } while (seen.stream().noneMatch(r -> r.peer().equals(bId)) && System.nanoTime() < deadline);
      PeerRecord bRecord =
          seen.stream()
              .filter(r -> r.peer().equals(bId))
              .findFirst()
              .orElseThrow(() -> new AssertionError("A never learned B"));
      // The client, knowing only A, now stores on B through B's record.
      byte[] data = random(1000, 9);
      StoreReceipt r = client.store(bId, bRecord.dialAddrs(), Cid.of(data), data, 0, data.length);
      assertTrue(r.verify(bId));
      assertTrue(b.peers().get(nodeId()).isPresent(), "B learned A's record too");
    }
  }

  @Test
  void shouldLetAStoreInFlightFinishWhenShuttingDown() throws Exception {
    byte[] data = random(6 * 1024 * 1024, 10);
    Cid cid = Cid.of(data);
    java.util.concurrent.CompletableFuture<StoreReceipt> store =
        new java.util.concurrent.CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                store.complete(client.store(nodeId(), addrs(), cid, data, 0, data.length));
              } catch (Throwable e) {
                store.completeExceptionally(e);
              }
            });
    while (node.handlers().inFlight() == 0 && !store.isDone()) {
      Thread.sleep(1);
    }
    node.close(); // waits for the store in flight
    StoreReceipt r = store.get();
    assertTrue(r.verify(nodeId()));
    try (io.cairn.node.store.NodeDatabase db =
        io.cairn.node.store.NodeDatabase.open(
            dir.resolve(NodeDaemon.DB_FOLDER),
            Long.MAX_VALUE,
            new io.cairn.node.metrics.MetricsRegistry(),
            java.time.InstantSource.system())) {
      assertInstanceOf(ReadResult.Found.class, db.shards().get(cid));
    }
    node = null;
  }

  @Test
  void shouldRefuseNewRequestsAfterShutdownBegins() throws Exception {
    node.handlers().stopAccepting();
    assertRefused(
        ErrorCode.INTERNAL,
        () -> client.retrieve(nodeId(), addrs(), RetrieveRequest.of(Cid.of(new byte[1]), RANDOM)));
  }

  // ---- helpers ----

  interface Call {
    Object run() throws Exception;
  }

  static void assertRefused(ErrorCode code, Call call) {
    CairnCallException e = assertThrows(CairnCallException.class, call::run);
    assertEquals(CairnCallException.Kind.REFUSED, e.kind(), e.getMessage());
    assertEquals(Optional.of(code), e.errorCode(), e.getMessage());
  }

  static byte[] frame(byte[] body) {
    return concat(Varint.encode(body.length), body);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  ErrorReply rawStore(byte[] frameBytes) throws Exception {
    return rawStoreBytes(frameBytes);
  }

  /** Sends raw bytes on a store stream, half-closes, and decodes the node's error answer. */
  ErrorReply rawStoreBytes(byte[] bytes) throws Exception {
    try (P2pStream s = clientHost.openStreamBlocking(nodeId(), addrs(), Protocols.STORE)) {
      OutputStream out = s.out();
      out.write(bytes);
      s.closeWrite();
      StoreAnswer a = StoreAnswer.decode(CairnFrames.read(s.in(), "StoreProtocolReply"));
      return assertInstanceOf(ErrorReply.class, a);
    }
  }
}
