/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.engine;

import io.cairn.client.audit.AuditSampler;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.RetrievalProof;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.RetrieveResponse;
import io.cairn.protocol.message.StoreReceipt;
import io.cairn.protocol.message.StoreRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process storage node that answers with the real protocol records, signed with its own
 * Ed25519 key, as the node module's services do: it checks the CID of what it stores, checks its
 * copy on every read (refusing {@code CORRUPT}), answers audits with {@link AuditSampler} and
 * refuses an audit round it already answered. {@link Behaviour}s make it unreliable or byzantine.
 */
final class FakeNode {
  /** Ways to misbehave; any combination. */
  enum Behaviour {
    /** Every call: unreachable. */
    DOWN,
    /** Every call: times out. */
    SLOW,
    /** Stores: refused with {@code QUOTA_EXCEEDED}. */
    REFUSE_STORES,
    /** Receipts dated an hour in the future. */
    FUTURE_RECEIPTS,
    /** Retrievals: one byte of the served copy flipped (proof honest about the CID). */
    CORRUPT_BYTES,
    /** Retrievals: the bytes of another shard it holds, under a proof for the shard asked. */
    WRONG_SHARD,
    /** Receipts, proofs, audit answers: name this node but carry another key's signature. */
    WRONG_KEY,
    /** Retrievals: the proof vouches for a random hash instead of the CID's. */
    BAD_PROOF_HASH,
    /** Audits: the answer claims a time ten minutes before the challenge. */
    STALE_AUDIT_TIME,
    /** Audits: once it has answered one, it sends that same answer to every challenge. */
    REPLAY_AUDIT,
    /** Reads skip the CID check: a damaged copy is served and audited as it is. */
    UNCHECKED_READS
  }

  /** How far a challenge time may be from the node's clock (as the node's AuditResponder). */
  static final Duration AUDIT_WINDOW = Duration.ofMinutes(5);

  private final Ed25519.KeyPair key;
  private final Ed25519.KeyPair otherKey;
  private final PeerId id;
  private final PeerRef ref;
  private final FakeClock clock;
  private final Map<Cid, byte[]> shards = new ConcurrentHashMap<>();
  private final Set<Bytes> answeredRounds = ConcurrentHashMap.newKeySet();
  private final Set<Behaviour> behaviours = ConcurrentHashMap.newKeySet();
  private final AtomicLong used = new AtomicLong();
  private final AtomicInteger stores = new AtomicInteger();
  private final AtomicInteger retrieves = new AtomicInteger();
  private final AtomicInteger audits = new AtomicInteger();
  private volatile long quota = Long.MAX_VALUE;
  private volatile long latencyMillis;
  private volatile Duration auditDelay = Duration.ZERO;
  private volatile AuditResponse lastAudit;

  FakeNode(Ed25519.KeyPair key, Ed25519.KeyPair otherKey, int port, FakeClock clock) {
    this.key = key;
    this.otherKey = otherKey;
    this.id = PeerId.of(key.publicKey());
    this.ref =
        new PeerRef(id, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port + "/p2p/" + id)));
    this.clock = clock;
  }

  PeerId id() {
    return id;
  }

  PeerRef ref() {
    return ref;
  }

  FakeNode is(Behaviour... bs) {
    behaviours.addAll(Arrays.asList(bs));
    return this;
  }

  FakeNode heal() {
    behaviours.clear();
    return this;
  }

  /** Real time each call takes (to make calls overlap in concurrency tests). */
  FakeNode latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** Fake time an audit answer takes: the shared clock moves by this much while it answers. */
  FakeNode auditDelay(Duration d) {
    this.auditDelay = d;
    return this;
  }

  FakeNode quota(long bytes) {
    this.quota = bytes;
    return this;
  }

  boolean holds(Cid cid) {
    return shards.containsKey(cid);
  }

  int shardCount() {
    return shards.size();
  }

  /** Loses a shard (after signing a receipt for it). */
  void drop(Cid cid) {
    shards.remove(cid);
  }

  /** Damages the stored copy of a shard: one byte flipped in every 512-byte block. */
  void damage(Cid cid) {
    byte[] data = shards.get(cid);
    for (int i = 0; i < data.length; i += 512) {
      data[i] ^= 0x01;
    }
  }

  /** Puts a copy directly (as a repair would). */
  void put(Cid cid, byte[] bytes) {
    shards.put(cid, bytes.clone());
  }

  int stores() {
    return stores.get();
  }

  int retrieves() {
    return retrieves.get();
  }

  int audits() {
    return audits.get();
  }

  private void enter() throws TransportException, InterruptedException {
    if (behaviours.contains(Behaviour.DOWN)) {
      throw TransportException.unreachable("dial " + id + ": connection refused");
    }
    long l = latencyMillis;
    if (l > 0) {
      Thread.sleep(l);
    }
    if (behaviours.contains(Behaviour.SLOW)) {
      throw TransportException.timeout("no answer from " + id + " within 10 s");
    }
  }

  /** Deletes a shard (one owner per shard in this fake); whether it was held. */
  boolean delete(Cid cid) throws TransportException, InterruptedException {
    enter();
    byte[] was = shards.remove(cid);
    if (was != null) {
      used.addAndGet(-was.length);
    }
    return was != null;
  }

  StoreReceipt store(PeerId client, StoreRequest req, byte[] shard, int off, int len)
      throws TransportException, InterruptedException {
    enter();
    stores.incrementAndGet();
    if (req.size() != len) {
      throw TransportException.protocol("request announced " + req.size() + " bytes, sent " + len);
    }
    if (!req.cid().matches(shard, off, len)) {
      throw TransportException.refused(ErrorCode.CID_MISMATCH, "bytes do not hash to the CID");
    }
    if (behaviours.contains(Behaviour.REFUSE_STORES) || used.get() + len > quota) {
      throw TransportException.refused(ErrorCode.QUOTA_EXCEEDED, "node is full");
    }
    if (shards.putIfAbsent(req.cid(), Arrays.copyOfRange(shard, off, off + len)) == null) {
      used.addAndGet(len);
    }
    long at = clock.millis() + (behaviours.contains(Behaviour.FUTURE_RECEIPTS) ? 3_600_000 : 0);
    StoreReceipt r = StoreReceipt.sign(req.cid(), len, at, client, key.privateKey());
    if (behaviours.contains(Behaviour.WRONG_KEY)) {
      r =
          new StoreReceipt(
              r.node(),
              r.cid(),
              r.size(),
              r.storedAtMillis(),
              r.client(),
              forged(r.signingBytes()));
    }
    return r;
  }

  RetrievedShard retrieve(RetrieveRequest req) throws TransportException, InterruptedException {
    enter();
    retrieves.incrementAndGet();
    Cid cid = req.cid();
    byte[] data = read(cid);
    byte[] out = data.clone();
    if (behaviours.contains(Behaviour.WRONG_SHARD)) {
      for (Map.Entry<Cid, byte[]> e : shards.entrySet()) {
        if (!e.getKey().equals(cid)) {
          out = e.getValue().clone();
          break;
        }
      }
    }
    if (behaviours.contains(Behaviour.CORRUPT_BYTES)) {
      out[out.length / 2] ^= 0x20;
    }
    Bytes sha = cid.digest();
    if (behaviours.contains(Behaviour.BAD_PROOF_HASH)) {
      byte[] h = sha.toArray();
      h[0] ^= 0x01;
      sha = Bytes.wrap(h);
    }
    RetrievalProof p =
        RetrievalProof.sign(cid, sha, req.requestNonce(), clock.millis(), key.privateKey());
    if (behaviours.contains(Behaviour.WRONG_KEY)) {
      p =
          new RetrievalProof(
              p.node(),
              p.cid(),
              p.sha256(),
              p.requestNonce(),
              p.timeMillis(),
              forged(p.signingBytes()));
    }
    return new RetrievedShard(new RetrieveResponse(p, out.length), out);
  }

  /** Serialised per node, so that "the first answer" of a replaying node is well defined. */
  synchronized AuditResponse audit(AuditChallenge ch)
      throws TransportException, InterruptedException {
    enter();
    audits.incrementAndGet();
    AuditResponse replay = lastAudit;
    if (behaviours.contains(Behaviour.REPLAY_AUDIT) && replay != null) {
      return replay;
    }
    long skew = ch.challengeTimeMillis() - clock.millis();
    if (Math.abs(skew) > AUDIT_WINDOW.toMillis()) {
      throw TransportException.refused(
          ErrorCode.AUDIT_STALE, "challenge time is " + skew + " ms off");
    }
    if (!shards.containsKey(ch.cid())) {
      throw TransportException.refused(ErrorCode.NOT_FOUND, "no shard " + ch.cid());
    }
    byte[] roundKey = new byte[36 + 16];
    System.arraycopy(ch.cid().toBytes(), 0, roundKey, 0, 36);
    ch.roundNonce().copyTo(roundKey, 36);
    if (!answeredRounds.add(Bytes.wrap(roundKey))) {
      throw TransportException.refused(
          ErrorCode.AUDIT_NONCE_REPLAYED, "round already answered for " + ch.cid());
    }
    byte[] data = read(ch.cid());
    byte[] hash =
        AuditSampler.response(
            ch.roundNonce().toArray(), data, 0, data.length, ch.blockSize(), ch.blockCount());
    clock.advance(auditDelay);
    long at =
        behaviours.contains(Behaviour.STALE_AUDIT_TIME)
            ? ch.challengeTimeMillis() - 600_000
            : clock.millis();
    AuditResponse r = AuditResponse.sign(ch, Bytes.wrap(hash), at, key.privateKey());
    if (behaviours.contains(Behaviour.WRONG_KEY)) {
      r =
          new AuditResponse(
              r.node(),
              r.cid(),
              r.hash(),
              r.requestNonce(),
              r.challengeTimeMillis(),
              r.responseTimeMillis(),
              forged(r.signingBytes()));
    }
    lastAudit = r;
    return r;
  }

  private byte[] read(Cid cid) throws TransportException {
    byte[] data = shards.get(cid);
    if (data == null) {
      throw TransportException.refused(ErrorCode.NOT_FOUND, "no shard " + cid);
    }
    if (!behaviours.contains(Behaviour.UNCHECKED_READS) && !cid.matches(data, 0, data.length)) {
      throw TransportException.refused(ErrorCode.CORRUPT, "stored copy of " + cid + " is corrupt");
    }
    return data;
  }

  private Bytes forged(byte[] signingBytes) {
    return Bytes.wrap(otherKey.privateKey().sign(signingBytes));
  }

  @Override
  public String toString() {
    return "FakeNode[" + id + ", " + behaviours + "]";
  }
}
