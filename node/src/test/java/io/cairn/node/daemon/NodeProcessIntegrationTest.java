/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cairn.client.audit.AuditSampler;
import io.cairn.node.identity.NodeIdentity;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.cairn.CairnCallException;
import io.cairn.p2p.cairn.CairnClient;
import io.cairn.p2p.cairn.RetrievedShard;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.PeerRecord;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreReceipt;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof, against real node processes on 127.0.0.1 started with the daemon's main and
 * command-line flags, driven by {@link CairnClient} from this JVM: identity survives restart, quota
 * holds under concurrent stores, the allowlist refuses a stranger, SIGKILL during a stream of
 * stores loses no receipted shard and serves nothing corrupt, a shard corrupted on disk is detected
 * and not served, replayed audits are refused before and after a restart, and a client that knows
 * one node learns the others.
 */
class NodeProcessIntegrationTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path tmp;
  Host clientHost;
  CairnClient client;
  final List<NodeProcess> nodes = new ArrayList<>();

  @BeforeEach
  void startClient() throws Exception {
    clientHost = Host.start(HostConfig.builder().noListen().eventLoopThreads(1).build());
    client = new CairnClient(clientHost, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopAll() {
    clientHost.close();
    nodes.forEach(NodeProcess::close);
  }

  NodeProcess start(Path dir, String... args) throws Exception {
    NodeProcess n = NodeProcess.start(dir, args);
    nodes.add(n);
    return n;
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void shouldKeepItsIdentityAcrossRestartsAndReportHealth() throws Exception {
    Path dir = tmp.resolve("node");
    NodeProcess first = start(dir);
    PeerId id = first.peerId();
    assertNotEquals(0, first.address.port(), "the real port is printed, not 0");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve(NodeIdentity.FILE_NAME))));
    HttpResponse<String> health = first.get("/health");
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains(id.toString()), health.body());
    byte[] data = random(5000, 1);
    client.store(id, first.addrs(), Cid.of(data), data, 0, data.length);
    String metrics = first.get("/metrics").body();
    assertTrue(
        metrics.contains("cairn_node_requests_total{kind=\"store\",outcome=\"stored\"} 1"),
        metrics);
    assertEquals(143, first.terminate(), "exit status of a JVM ended by SIGTERM");
    assertTrue(first.logs().contains("event=node_stopped"), first.logs());

    NodeProcess second = start(dir);
    assertEquals(id, second.peerId());
    assertNotEquals(first.address.port(), second.address.port());
    RetrievedShard got =
        client.retrieve(id, second.addrs(), RetrieveRequest.of(Cid.of(data), RANDOM));
    assertArrayEquals(data, got.data().toArray());
  }

  @Test
  void shouldHoldTheQuotaUnderConcurrentStores() throws Exception {
    int shard = 1024 * 1024;
    NodeProcess node = start(tmp.resolve("node"), "--quota", "10MiB");
    int attempts = 16;
    AtomicInteger stored = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        byte[] data = random(shard, 100 + i);
        fs.add(
            pool.submit(
                () -> {
                  try {
                    client.store(node.peerId(), node.addrs(), Cid.of(data), data, 0, data.length);
                    stored.incrementAndGet();
                  } catch (CairnCallException e) {
                    assertEquals(
                        Optional.of(ErrorCode.QUOTA_EXCEEDED), e.errorCode(), e.getMessage());
                    refused.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
    assertEquals(10, stored.get(), "exactly the quota's worth of 1 MiB shards");
    assertEquals(attempts - 10, refused.get());
    String health = node.get("/health").body();
    assertTrue(health.contains("\"usedBytes\":" + 10L * shard), health);
  }

  @Test
  void shouldRefuseAPeerNotOnTheAllowlist() throws Exception {
    Ed25519.KeyPair allowedKey = Ed25519.generate(RANDOM);
    NodeProcess node =
        start(tmp.resolve("node"), "--allow", PeerId.of(allowedKey.publicKey()).toString());
    byte[] data = random(2000, 2);
    Cid cid = Cid.of(data);

    CairnCallException e =
        assertThrows(
            CairnCallException.class,
            () -> client.store(node.peerId(), node.addrs(), cid, data, 0, data.length));
    assertTrue(
        e.kind() == CairnCallException.Kind.TRANSPORT
            || e.errorCode().equals(Optional.of(ErrorCode.UNAUTHORIZED)),
        e.getMessage());

    try (Host allowed =
        Host.start(HostConfig.builder(allowedKey).noListen().eventLoopThreads(1).build())) {
      CairnClient c = new CairnClient(allowed, Duration.ofSeconds(30));
      StoreReceipt r = c.store(node.peerId(), node.addrs(), cid, data, 0, data.length);
      assertTrue(r.verify(node.peerId()));
    }
  }

  @Test
  void shouldKeepEveryReceiptedShardAfterSigkillDuringStores() throws Exception {
    Path dir = tmp.resolve("node");
    NodeProcess node = start(dir);
    PeerId id = node.peerId();
    Map<Cid, byte[]> receipted = new ConcurrentHashMap<>();
    Map<Cid, byte[]> attempted = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger seq = new AtomicInteger();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < 4; t++) {
        pool.submit(
            () -> {
              while (!stop.get()) {
                byte[] data = random(128 * 1024 + seq.get(), 1000 + seq.incrementAndGet());
                Cid cid = Cid.of(data);
                attempted.put(cid, data);
                try {
                  StoreReceipt r = client.store(id, node.addrs(), cid, data, 0, data.length);
                  if (r.verify(id)) {
                    receipted.put(cid, data);
                  }
                } catch (CairnCallException e) {
                  return null; // the node died under this store
                }
              }
              return null;
            });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (receipted.size() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      node.kill();
      stop.set(true);
    }
    assertTrue(receipted.size() >= 40, "only " + receipted.size() + " receipts before the kill");

    NodeProcess again = start(dir);
    assertEquals(id, again.peerId());
    for (Map.Entry<Cid, byte[]> e : receipted.entrySet()) {
      RetrievedShard got =
          client.retrieve(id, again.addrs(), RetrieveRequest.of(e.getKey(), RANDOM));
      assertArrayEquals(e.getValue(), got.data().toArray(), "receipted " + e.getKey());
    }
    // Shards in flight at the kill: absent or intact, never corrupt.
    for (Map.Entry<Cid, byte[]> e : attempted.entrySet()) {
      if (receipted.containsKey(e.getKey())) {
        continue;
      }
      try {
        RetrievedShard got =
            client.retrieve(id, again.addrs(), RetrieveRequest.of(e.getKey(), RANDOM));
        assertArrayEquals(e.getValue(), got.data().toArray());
      } catch (CairnCallException x) {
        assertEquals(Optional.of(ErrorCode.NOT_FOUND), x.errorCode(), x.getMessage());
      }
    }
  }

  @Test
  void shouldDetectAShardCorruptedOnDiskAndNeverServeIt() throws Exception {
    Path dir = tmp.resolve("node");
    NodeProcess node = start(dir);
    PeerId id = node.peerId();
    byte[] data = random(1024 * 1024, 3);
    Cid cid = Cid.of(data);
    client.store(id, node.addrs(), cid, data, 0, data.length);
    node.terminate(); // flushes the memtable: the shard now lives in a blob file

    List<Path> blobs;
    try (Stream<Path> s = Files.list(dir.resolve(NodeDaemon.DB_FOLDER))) {
      blobs = s.filter(p -> p.getFileName().toString().endsWith(".blob")).toList();
    }
    assertFalse(blobs.isEmpty(), "no blob file to corrupt");
    for (Path blob : blobs) {
      try (RandomAccessFile f = new RandomAccessFile(blob.toFile(), "rw")) {
        long pos = f.length() / 2;
        f.seek(pos);
        int b = f.read();
        f.seek(pos);
        f.write(b ^ 0x01);
        f.getFD().sync();
      }
    }

    NodeProcess again = start(dir);
    CairnCallException e =
        assertThrows(
            CairnCallException.class,
            () -> client.retrieve(id, again.addrs(), RetrieveRequest.of(cid, RANDOM)));
    assertEquals(Optional.of(ErrorCode.CORRUPT), e.errorCode(), e.getMessage());
    // Quarantined: from now on the node does not hold it at all.
    CairnCallException later =
        assertThrows(
            CairnCallException.class,
            () -> client.retrieve(id, again.addrs(), RetrieveRequest.of(cid, RANDOM)));
    assertEquals(Optional.of(ErrorCode.NOT_FOUND), later.errorCode(), later.getMessage());
    assertTrue(again.logs().contains(cid.toString()), again.logs());
  }

  @Test
  void shouldRefuseReplayedAuditsBeforeAndAfterARestart() throws Exception {
    Path dir = tmp.resolve("node");
    NodeProcess node = start(dir);
    PeerId id = node.peerId();
    byte[] data = random(200_000, 4);
    Cid cid = Cid.of(data);
    client.store(id, node.addrs(), cid, data, 0, data.length);

    byte[] round = random(16, 5);
    AuditChallenge first =
        AuditChallenge.of(cid, Bytes.wrap(round), System.currentTimeMillis(), RANDOM);
    AuditResponse r = client.audit(id, node.addrs(), first);
    assertArrayEquals(
        AuditSampler.response(round, data, 0, data.length, first.blockSize(), first.blockCount()),
        r.hash().toArray());
    assertAuditRefused(ErrorCode.AUDIT_NONCE_REPLAYED, id, node, cid, round);
    assertAuditRefused(
        ErrorCode.AUDIT_STALE,
        id,
        node,
        cid,
        random(16, 6),
        System.currentTimeMillis() - 3_600_000);

    node.kill();
    NodeProcess again = start(dir);
    assertAuditRefused(ErrorCode.AUDIT_NONCE_REPLAYED, id, again, cid, round);
    byte[] fresh = random(16, 7);
    AuditResponse r2 =
        client.audit(
            id,
            again.addrs(),
            AuditChallenge.of(cid, Bytes.wrap(fresh), System.currentTimeMillis(), RANDOM));
    assertArrayEquals(
        AuditSampler.response(fresh, data, 0, data.length, 4096, 16), r2.hash().toArray());
  }

  @Test
  void shouldLetAClientThatKnowsOneNodeLearnTheOthers() throws Exception {
    NodeProcess a = start(tmp.resolve("a"));
    NodeProcess b = start(tmp.resolve("b"), "--bootstrap", a.address.toString());
    NodeProcess c = start(tmp.resolve("c"), "--bootstrap", a.address.toString());
    Set<PeerId> expected = Set.of(a.peerId(), b.peerId(), c.peerId());

    List<PeerRecord> seen = awaitPeers(a, expected);
    for (PeerRecord rec : seen) {
      if (rec.peer().equals(a.peerId())) {
        continue;
      }
      byte[] data = random(3000, rec.peer().hashCode());
      StoreReceipt receipt =
          client.store(rec.peer(), rec.dialAddrs(), Cid.of(data), data, 0, data.length);
      assertTrue(receipt.verify(rec.peer()));
    }

    // A remembers B and C in its persisted peer table and finds them again after a restart.
    a.terminate();
    NodeProcess a2 = start(tmp.resolve("a"));
    awaitPeers(a2, expected);
  }

  private List<PeerRecord> awaitPeers(NodeProcess node, Set<PeerId> expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<PeerRecord> seen = client.peers(node.peerId(), node.addrs(), 16, Optional.empty());
      Set<PeerId> ids = new java.util.HashSet<>();
      seen.forEach(r -> ids.add(r.peer()));
      if (ids.containsAll(expected)) {
        return seen;
      }
      if (System.nanoTime() > deadline) {
        fail(
            "node "
                + node.peerId()
                + " knows "
                + ids
                + ", expected "
                + expected
                + "\n"
                + node.logs());
      }
      Thread.sleep(100);
    }
  }

  private void assertAuditRefused(
      ErrorCode code, PeerId id, NodeProcess node, Cid cid, byte[] round) {
    assertAuditRefused(code, id, node, cid, round, System.currentTimeMillis());
  }

  private void assertAuditRefused(
      ErrorCode code, PeerId id, NodeProcess node, Cid cid, byte[] round, long time) {
    AuditChallenge ch = AuditChallenge.of(cid, Bytes.wrap(round), time, RANDOM);
    CairnCallException e =
        assertThrows(CairnCallException.class, () -> client.audit(id, node.addrs(), ch));
    assertEquals(Optional.of(code), e.errorCode(), e.getMessage());
  }
}
