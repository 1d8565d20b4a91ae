/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.node.config.NodeConfig;
import io.cairn.node.daemon.NodeDaemon;
import io.cairn.node.identity.NodeIdentity;
import io.cairn.node.metrics.MetricsRegistry;
import io.cairn.node.metrics.RequestMetrics;
import io.cairn.node.service.AuditOutcome;
import io.cairn.node.service.AuditResponder;
import io.cairn.node.service.RetrieveOutcome;
import io.cairn.node.service.RetrieveService;
import io.cairn.node.store.DeleteResult;
import io.cairn.node.store.ReadResult;
import io.cairn.node.store.ShardInfo;
import io.cairn.node.store.ShardStore;
import io.cairn.node.store.StoreException;
import io.cairn.node.store.StoreResult;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.cairn.CairnFrames;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.Protocols;
import io.cairn.protocol.message.AuditAnswer;
import io.cairn.protocol.message.AuditCall;
import io.cairn.protocol.message.AuditChallenge;
import io.cairn.protocol.message.AuditResponse;
import io.cairn.protocol.message.RetrieveAnswer;
import io.cairn.protocol.message.RetrieveCall;
import io.cairn.protocol.message.RetrieveRequest;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real storage node (the node daemon, its RocksDB store and libp2p host, in this JVM) whose
 * retrieve and audit handlers can be switched to lie: serve shard bytes with one byte flipped under
 * a valid retrieval proof, replay an earlier audit answer, or answer audits late. Honest until told
 * otherwise.
 */
final class RogueNode implements AutoCloseable {
  enum Mode {
    HONEST,
    /** Serves every shard with one byte flipped, under a proof that vouches for the CID. */
    CORRUPT,
    /** Answers each shard's first audit honestly, then replays that answer for every later one. */
    REPLAY_AUDIT,
    /** Answers audits honestly but only after {@link #auditDelayMillis}. */
    SLOW_AUDIT
  }

  private final NodeDaemon daemon;
  private final NodeIdentity identity;
  private final Map<Cid, AuditResponse> answered = new ConcurrentHashMap<>();
  volatile Mode mode = Mode.HONEST;
  volatile long auditDelayMillis = 4_500;

  private RogueNode(NodeDaemon daemon, NodeIdentity identity) {
    this.daemon = daemon;
    this.identity = identity;
    RequestMetrics metrics = new RequestMetrics(new MetricsRegistry());
    ShardStore lying = new CorruptingStore(daemon.database().shards(), this);
    RetrieveService retrieve =
        new RetrieveService(identity, lying, InstantSource.system(), metrics);
    AuditResponder audit =
        new AuditResponder(
            identity,
            daemon.database().shards(),
            daemon.database().auditNonces(),
            InstantSource.system(),
            metrics);
    daemon.host().handle(Protocols.RETRIEVE, s -> serveRetrieve(s, retrieve));
    daemon.host().handle(Protocols.AUDIT, s -> serveAudit(s, audit));
  }

  /** Starts the node in {@code dir}, bootstrapping from {@code bootstrap}. */
  static RogueNode start(Path dir, Multiaddr bootstrap) throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put(NodeConfig.LISTEN, "/ip4/127.0.0.1/tcp/0");
    flags.put(NodeConfig.METRICS_PORT, "0");
    flags.put(NodeConfig.QUOTA, "4GiB");
    flags.put(NodeConfig.BOOTSTRAP, bootstrap.toString());
    NodeDaemon d = NodeDaemon.start(dir, NodeConfig.resolve(Map.of(), flags));
    try {
      return new RogueNode(d, NodeIdentity.load(dir.resolve(NodeIdentity.FILE_NAME)));
    } catch (Exception e) {
      d.close();
      throw e;
    }
  }

  PeerId peerId() {
    return daemon.peerId();
  }

  Multiaddr address() {
    return daemon.listenAddresses().getFirst();
  }

  private void serveRetrieve(P2pStream s, RetrieveService service) throws Exception {
    Optional<byte[]> frame = CairnFrames.readIfAny(s.in(), "RetrieveProtocolRequest");
    if (frame.isEmpty()) {
      return;
    }
    RetrieveRequest request =
        switch (RetrieveCall.decode(frame.get())) {
          case RetrieveRequest r -> r;
        };
    switch (service.retrieve(s.remotePeer(), request)) {
      case RetrieveOutcome.Served served -> {
        CairnFrames.write(s.out(), RetrieveAnswer.encode(served.answer()));
        CairnFrames.writeRaw(s.out(), served.data().asReadOnlyBuffer());
      }
      case RetrieveOutcome.Refused refused ->
          CairnFrames.write(s.out(), RetrieveAnswer.encode(refused.answer()));
    }
    s.closeWrite();
  }

  private void serveAudit(P2pStream s, AuditResponder responder) throws Exception {
    Optional<byte[]> frame = CairnFrames.readIfAny(s.in(), "AuditProtocolRequest");
    if (frame.isEmpty()) {
      return;
    }
    AuditChallenge challenge =
        switch (AuditCall.decode(frame.get())) {
          case AuditChallenge c -> c;
        };
    Mode m = mode;
    AuditResponse replay = m == Mode.REPLAY_AUDIT ? answered.get(challenge.cid()) : null;
    byte[] answer;
    if (replay != null) {
      answer = AuditAnswer.encode(replay);
    } else {
      AuditOutcome outcome = responder.respond(challenge);
      if (outcome instanceof AuditOutcome.Answered a) {
        answered.putIfAbsent(challenge.cid(), a.response());
      }
      answer = AuditAnswer.encode(outcome.answer());
    }
    if (m == Mode.SLOW_AUDIT) {
      Thread.sleep(auditDelayMillis);
    }
    CairnFrames.write(s.out(), answer);
    s.closeWrite();
  }

  @Override
  public void close() {
    daemon.close();
  }

  /** The node's store, with reads that flip one byte while the node is in {@link Mode#CORRUPT}. */
  private record CorruptingStore(ShardStore store, RogueNode node) implements ShardStore {
    @Override
    public ReadResult get(Cid cid) throws StoreException {
      ReadResult r = store.get(cid);
      if (node.mode == Mode.CORRUPT && r instanceof ReadResult.Found f) {
        byte[] bytes = f.data().toArray();
        bytes[bytes.length / 2] ^= 0x40;
        return new ReadResult.Found(cid, Bytes.wrap(bytes));
      }
      return r;
    }

    @Override
    public StoreResult put(Cid cid, byte[] data, int off, int len, PeerId owner)
        throws StoreException {
      return store.put(cid, data, off, len, owner);
    }

    @Override
    public boolean contains(Cid cid) throws StoreException {
      return store.contains(cid);
    }

    @Override
    public Optional<ShardInfo> info(Cid cid) throws StoreException {
      return store.info(cid);
    }

    @Override
    public DeleteResult delete(Cid cid, PeerId requester) throws StoreException {
      return store.delete(cid, requester);
    }

    @Override
    public long usedBytes() {
      return store.usedBytes();
    }

    @Override
    public long quotaBytes() {
      return store.quotaBytes();
    }

    @Override
    public long shardCount() {
      return store.shardCount();
    }

    @Override
    public long quarantinedBytes() {
      return store.quarantinedBytes();
    }

    @Override
    public java.util.List<io.cairn.node.store.QuarantinedShard> quarantined()
        throws StoreException {
      return store.quarantined();
    }

    @Override
    public long purgeQuarantine() throws StoreException {
      return store.purgeQuarantine();
    }
  }

  @Override
  public String toString() {
    return "RogueNode[" + peerId() + ", " + mode + "]";
  }
}
