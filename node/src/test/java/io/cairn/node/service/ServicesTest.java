/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.audit.AuditSampler;
import io.cairn.node.StubInstantSource;
import io.cairn.node.identity.NodeIdentity;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.store.NodeDatabase;
import io.cairn.node.store.StoreException;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.DeleteReply;
import io.cairn.protocol.message.DeleteRequest;
import io.cairn.protocol.message.ErrorReply;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreReceipt;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request services over a real database: what the stream handlers will send back. */
class ServicesTest {
  static final PeerId CLIENT = peer(7);
  static final PeerId STRANGER = peer(8);

  @TempDir Path dir;
  final StubInstantSource clock = new StubInstantSource();
  final AtomicLong nanos = new AtomicLong();
  final NodeIdentity identity = NodeIdentity.ephemeral(new SecureRandom());
  MetricsRegistry registry;
  RequestMetrics metrics;
  NodeDatabase db;
  StoreService store;
  RetrieveService retrieve;
  AuditResponder audit;

  static PeerId peer(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    return PeerId.of(Ed25519.fromSeed(seed).publicKey());
  }

  @BeforeEach
  void open() throws StoreException {
    registry = new MetricsRegistry();
    metrics = new RequestMetrics(registry, nanos::get);
    db = NodeDatabase.open(dir, 1 << 20, registry, clock);
    store = new StoreService(identity, db.shards(), metrics);
    retrieve = new RetrieveService(identity, db.shards(), clock, metrics);
    audit = new AuditResponder(identity, db.shards(), db.auditNonces(), clock, metrics);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static byte[] shard(long seed, int len) {
    byte[] b = new byte[len];
    new Random(seed).nextBytes(b);
    return b;
  }

  static Bytes nonce(long seed) {
    return Bytes.wrap(shard(seed, 16));
  }

  @Test
  void shouldSignAReceiptForAStoredShard() throws StoreException {
    byte[] data = shard(1, 50_000);
    Cid cid = Cid.of(data);

    StoreReceipt r =
        assertInstanceOf(StoreReceipt.class, store.store(CLIENT, cid, data, 0, data.length));

    assertTrue(r.verify(identity.peerId()));
    assertEquals(cid, r.cid());
    assertEquals(50_000, r.size());
    assertEquals(CLIENT, r.client());
    assertEquals(clock.millis(), r.storedAtMillis());
    assertEquals(1, metrics.requests().value("store", "stored"));
    assertEquals(1, metrics.seconds().count("store"));
  }

  @Test
  void shouldRefuseMismatchedBytesWithTheWireCode() throws StoreException {
    byte[] data = shard(2, 100);

    ErrorReply e =
        assertInstanceOf(
            ErrorReply.class, store.store(CLIENT, Cid.of(new byte[] {1}), data, 0, data.length));

    assertEquals(ErrorCode.CID_MISMATCH, e.code());
    assertEquals(1, metrics.requests().value("store", "cid_mismatch"));
  }

  @Test
  void shouldDeleteOnlyForAnOwnerAndBeIdempotent() throws StoreException {
    byte[] data = shard(3, 100);
    Cid cid = Cid.of(data);
    store.store(CLIENT, cid, data, 0, data.length);

    ErrorReply refused =
        assertInstanceOf(ErrorReply.class, store.delete(STRANGER, new DeleteRequest(cid)));
    StoreAnswerAssert.deleted(store.delete(CLIENT, new DeleteRequest(cid)), cid, true);
    StoreAnswerAssert.deleted(store.delete(CLIENT, new DeleteRequest(cid)), cid, false);

    assertEquals(ErrorCode.UNAUTHORIZED, refused.code());
    assertEquals(0, db.shards().usedBytes());
    assertEquals(1, metrics.requests().value("delete", "not_owner"));
  }

  @Test
  void shouldServeAShardWithASignedRetrievalProof() throws StoreException {
    byte[] data = shard(4, 70_000);
    Cid cid = Cid.of(data);
    store.store(CLIENT, cid, data, 0, data.length);
    RetrieveRequest req = new RetrieveRequest(cid, nonce(40));

    RetrieveOutcome.Served s =
        assertInstanceOf(RetrieveOutcome.Served.class, retrieve.retrieve(CLIENT, req));

    assertArrayEquals(data, s.data().toArray());
    assertEquals(70_000, s.answer().size());
    assertTrue(s.answer().proof().verify(identity.peerId()));
    assertEquals(cid.digest(), s.answer().proof().sha256());
    assertEquals(req.requestNonce(), s.answer().proof().requestNonce());
    assertEquals(1, metrics.requests().value("retrieve", "served"));
  }

  @Test
  void shouldRefuseToServeAMissingShard() throws StoreException {
    RetrieveOutcome r =
        retrieve.retrieve(CLIENT, new RetrieveRequest(Cid.of(new byte[] {5}), nonce(5)));

    assertEquals(
        ErrorCode.NOT_FOUND, assertInstanceOf(RetrieveOutcome.Refused.class, r).answer().code());
  }

  @Test
  void shouldAnswerAnAuditWithTheClientsExpectedHash() throws StoreException {
    byte[] data = shard(6, 300_000);
    Cid cid = Cid.of(data);
    store.store(CLIENT, cid, data, 0, data.length);
    Bytes round = nonce(60);
    AuditChallenge c = new AuditChallenge(cid, round, clock.millis(), nonce(61), 16, 4096);
    // What the client computed at upload time, from the bytes it had in memory.
    byte[] expected = AuditSampler.response(round.toArray(), data, 0, data.length, 4096, 16);

    AuditOutcome o = audit.respond(c);

    AuditResponse r = assertInstanceOf(AuditOutcome.Answered.class, o).response();
    assertEquals(Bytes.wrap(expected), r.hash());
    assertTrue(r.answers(c, identity.peerId()));
    assertEquals(clock.millis(), r.responseTimeMillis());
    assertEquals(r, o.answer());
    assertEquals(1, metrics.requests().value("audit", "answered"));
  }

  @Test
  void shouldRefuseAReplayedAuditRoundEvenAfterARestart() throws StoreException {
    byte[] data = shard(7, 10_000);
    Cid cid = Cid.of(data);
    store.store(CLIENT, cid, data, 0, data.length);
    Bytes round = nonce(70);
    assertInstanceOf(
        AuditOutcome.Answered.class,
        audit.respond(new AuditChallenge(cid, round, clock.millis(), nonce(71), 16, 4096)));

    AuditOutcome again =
        audit.respond(new AuditChallenge(cid, round, clock.millis(), nonce(72), 16, 4096));
    db.close();
    open();
    AuditOutcome afterRestart =
        audit.respond(new AuditChallenge(cid, round, clock.millis(), nonce(73), 16, 4096));

    assertInstanceOf(AuditOutcome.Replayed.class, again);
    assertInstanceOf(AuditOutcome.Replayed.class, afterRestart);
    assertEquals(ErrorCode.AUDIT_NONCE_REPLAYED, ((ErrorReply) afterRestart.answer()).code());
  }

  @Test
  void shouldRefuseStaleChallengesWithoutSpendingTheRound() throws StoreException {
    byte[] data = shard(8, 10_000);
    Cid cid = Cid.of(data);
    store.store(CLIENT, cid, data, 0, data.length);
    Bytes round = nonce(80);
    long now = clock.millis();
    long window = AuditResponder.DEFAULT_WINDOW.toMillis();

    AuditOutcome old =
        audit.respond(new AuditChallenge(cid, round, now - window - 1, nonce(81), 16, 4096));
    AuditOutcome future =
        audit.respond(new AuditChallenge(cid, round, now + window + 1, nonce(82), 16, 4096));
    AuditOutcome edge =
        audit.respond(new AuditChallenge(cid, round, now - window, nonce(83), 16, 4096));

    assertEquals(new AuditOutcome.Stale(cid, -window - 1, window), old);
    assertEquals(new AuditOutcome.Stale(cid, window + 1, window), future);
    assertEquals(ErrorCode.AUDIT_STALE, ((ErrorReply) old.answer()).code());
    assertInstanceOf(AuditOutcome.Answered.class, edge);
  }

  @Test
  void shouldUseTheNodeClockForFreshness() throws StoreException {
    byte[] data = shard(9, 1000);
    Cid cid = Cid.of(data);
    store.store(CLIENT, cid, data, 0, data.length);
    long challengeTime = clock.millis();
    clock.advance(Duration.ofMinutes(6));

    AuditOutcome o =
        audit.respond(new AuditChallenge(cid, nonce(90), challengeTime, nonce(91), 16, 4096));

    assertInstanceOf(AuditOutcome.Stale.class, o);
  }

  @Test
  void shouldReportAnAuditOfAShardItDoesNotHold() throws StoreException {
    Cid absent = Cid.of(new byte[] {1});
    Bytes round = nonce(1);

    AuditOutcome missing =
        audit.respond(new AuditChallenge(absent, round, clock.millis(), nonce(2), 16, 4096));

    assertEquals(new AuditOutcome.Missing(absent), missing);
    assertEquals(ErrorCode.NOT_FOUND, ((ErrorReply) missing.answer()).code());
    assertEquals(1, metrics.requests().value("audit", "missing"));
    // Refusing spends nothing: the round can be answered once the shard is here.
    assertTrue(!db.auditNonces().isAnswered(absent, round.toArray()));
  }

  @Test
  void shouldReportHealthWhileTheDatabaseIsOpen() throws StoreException {
    byte[] data = shard(11, 1234);
    store.store(CLIENT, Cid.of(data), data, 0, data.length);
    var health = NodeHealth.of(identity.peerId(), db);

    var up = health.get();
    db.close();
    var down = health.get();

    assertEquals(
        new io.cairn.node.metrics.HealthStatus(
            true, identity.peerId().toString(), 1234, 1 << 20, 1),
        up);
    assertTrue(!down.up());
  }

  /** Checks on delete replies. */
  static final class StoreAnswerAssert {
    static void deleted(io.cairn.protocol.message.StoreAnswer a, Cid cid, boolean existed) {
      assertEquals(new DeleteReply(cid, existed), a);
    }
  }
}
