/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.engine.AuditEngine;
import io.cairn.client.engine.AuditReport;
import io.cairn.client.engine.AuditState;
import io.cairn.client.engine.EngineListener;
import io.cairn.client.engine.PeerDirectory;
import io.cairn.client.engine.PeerRef;
import io.cairn.client.engine.RetrieveEngine;
import io.cairn.client.engine.RetrieveReport;
import io.cairn.client.engine.TransportException;
import io.cairn.client.engine.UploadEngine;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.client.trace.Trace;
import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.cairn.P2pShardTransport;
import io.cairn.protocol.Cid;
import io.cairn.protocol.ErrorCode;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.message.RetrieveRequest;
import io.cairn.protocol.message.StoreRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client SDK's engines over {@link P2pShardTransport} against six real nodes in this JVM: an
 * upload spreads k+m shards, a retrieve restores the bytes even with two nodes gone, and an audit
 * of every shard passes. Also the transport's mapping of failures to the engines' kinds.
 */
class EnginesOverNodesIntegrationTest {
  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path tmp;
  final List<NodeDaemon> nodes = new ArrayList<>();
  Host clientHost;
  P2pShardTransport transport;

  @BeforeEach
  void start() throws Exception {
    for (int i = 0; i < 6; i++) {
      nodes.add(NodeDaemon.start(tmp.resolve("n" + i), NodeDaemonTest.config(Map.of())));
    }
    clientHost = Host.start(HostConfig.builder().noListen().build());
    transport = P2pShardTransport.over(clientHost, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    clientHost.close();
    nodes.forEach(NodeDaemon::close);
  }

  PeerDirectory directory() {
    List<PeerRef> refs = new ArrayList<>();
    for (NodeDaemon n : nodes) {
      refs.add(new PeerRef(n.peerId(), n.listenAddresses()));
    }
    return PeerDirectory.of(refs);
  }

  @Test
  void shouldUploadRetrieveAndAuditAFileOverRealNodes() throws Exception {
    byte[] file = new byte[10 * 1024 * 1024 + 12345];
    new Random(42).nextBytes(file);
    PeerDirectory dir = directory();
    UploadEngine up =
        new UploadEngine(
            transport,
            dir,
            UploadEngine.Options.defaults().withKdf(UploadEngine.KdfCost.INSECURE_FOR_TESTS),
            RANDOM,
            EngineListener.NONE);
    UploadEngine.Result result =
        up.upload(
            new ByteArrayInputStream(file),
            PASSWORD,
            PlacementPolicy.DEFAULT,
            UploadEngine.FileInfo.NONE,
            Trace.NONE);
    byte[] manifest = ManifestCodec.encode(result.manifest());
    long stored = nodes.stream().mapToLong(n -> n.database().shards().shardCount()).sum();
    assertTrue(stored >= 6, "shards spread over the nodes: " + stored);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RetrieveEngine(
            transport, dir, RetrieveEngine.Options.defaults(), RANDOM, EngineListener.NONE)
        .retrieve(manifest, PASSWORD, out, Trace.NONE);
    assertArrayEquals(file, out.toByteArray());

    AuditReport audit =
        new AuditEngine(transport, dir, AuditEngine.Options.defaults(), RANDOM, EngineListener.NONE)
            .audit(
                result.manifest(),
                AuditState.fresh(result.manifest()),
                AuditEngine.Selection.all(),
                Trace.NONE);
    assertTrue(audit.allPassed(), audit.toString());
    assertTrue(audit.challenged() > 0);

    // Two nodes gone (m = 2): every segment still has k shards.
    nodes.get(0).close();
    nodes.get(3).close();
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    RetrieveReport report =
        new RetrieveEngine(
                transport, dir, RetrieveEngine.Options.defaults(), RANDOM, EngineListener.NONE)
            .retrieve(manifest, PASSWORD, again, Trace.NONE);
    assertArrayEquals(file, again.toByteArray());
    assertTrue(!report.failures().isEmpty(), "the two dead nodes show as failures");
  }

  @Test
  void shouldMapFailuresToTheEnginesKinds() throws Exception {
    NodeDaemon n = nodes.getFirst();
    PeerRef ref = new PeerRef(n.peerId(), n.listenAddresses());
    byte[] data = new byte[5000];
    byte[] other = new byte[5000];
    other[0] = 1;
    TransportException refused =
        assertThrows(
            TransportException.class,
            () -> transport.store(ref, new StoreRequest(Cid.of(data), 5000, 1), other, 0, 5000));
    assertEquals(TransportException.Kind.REFUSED, refused.kind());
    assertEquals(Optional.of(ErrorCode.CID_MISMATCH), refused.code());

    TransportException missing =
        assertThrows(
            TransportException.class,
            () -> transport.retrieve(ref, RetrieveRequest.of(Cid.of(data), RANDOM)));
    assertEquals(Optional.of(ErrorCode.NOT_FOUND), missing.code());

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PeerRef nobody =
        new PeerRef(nodes.get(1).peerId(), List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port)));
    TransportException unreachable =
        assertThrows(
            TransportException.class,
            () -> transport.retrieve(nobody, RetrieveRequest.of(Cid.of(data), RANDOM)));
    assertEquals(TransportException.Kind.UNREACHABLE, unreachable.kind());

    // A store whose thread is interrupted stops and says so; the node keeps serving.
    byte[] big = new byte[32 * 1024 * 1024];
    new Random(1).nextBytes(big);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    transport.store(
                        ref, new StoreRequest(Cid.of(big), big.length, 2), big, 0, big.length);
                  } catch (Throwable e) {
                    thrown.set(e);
                  }
                });
    Thread.sleep(20);
    t.interrupt();
    t.join();
    if (thrown.get() != null) {
      assertInstanceOf(InterruptedException.class, thrown.get());
    } // else: the store finished before the interrupt; nothing to check
    transport.store(ref, new StoreRequest(Cid.of(data), 5000, 3), data, 0, 5000);
  }
}
