/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.cli.common.AuditReport;
import io.cairn.cli.common.JsonReport;
import io.cairn.cli.common.RetrieveReport;
import io.cairn.cli.common.UploadReport;
import io.cairn.client.engine.AuditOutcome;
import io.cairn.client.engine.NodeObservation;
import io.cairn.client.engine.Receipts;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.manifest.ShardReceipt;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.ProtocolException;
import io.cairn.protocol.message.StoreReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the command-specific parts of the {@code --report} documents (docs/report-schema.md) from
 * what the engines returned and observed, and adds the parts every loop command shares: the
 * sentinel ({@link ClientSentinel.Summary}), the notable trace events and the network reached.
 */
final class LoopReports {
  private static final ObjectMapper JSON = JsonReport.mapper();

  private LoopReports() {}

  /**
   * The network a command reached.
   *
   * @param nodes storage nodes known (network file, bootstrap, peer exchange)
   * @param reachable how many answered the reachability check
   * @param unreachable those that did not, with why
   * @param connectMs time to start the client's host, ping the nodes and exchange peers
   */
  record Network(int nodes, int reachable, Map<String, String> unreachable, long connectMs) {}

  static Network network(ClientSession session) {
    Map<String, String> down = new TreeMap<>();
    session.unreachable().forEach((p, why) -> down.put(p.toString(), why));
    return new Network(
        session.peers().size(), session.reachable().size(), down, session.openMillis());
  }

  /**
   * A report's details: {@code base} (one of the typed records, or null) with the shared parts
   * beside its fields.
   */
  static ObjectNode details(
      Object base,
      ClientSentinel sentinel,
      TraceLog trace,
      Network network,
      Map<String, Object> extra) {
    ObjectNode root = base == null ? JSON.createObjectNode() : (ObjectNode) JSON.valueToTree(base);
    for (Map.Entry<String, Object> e : extra.entrySet()) {
      root.set(e.getKey(), JSON.valueToTree(e.getValue()));
    }
    if (network != null) {
      root.set("network", JSON.valueToTree(network));
    }
    root.set("sentinel", JSON.valueToTree(sentinel.summary()));
    if (trace != null) {
      root.set("trace", JSON.valueToTree(trace.lines()));
      root.put("traceDropped", trace.dropped());
    }
    return root;
  }

  /** Parses a details tree back, for tests. */
  static JsonNode tree(Object details) {
    return JSON.valueToTree(details);
  }

  // ---------------------------------------------------------------- upload

  /** Wall-clock span of a set of exchanges, from the first start to the last end (ms). */
  static long span(List<NodeObservation> obs) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (NodeObservation o : obs) {
      first = Math.min(first, o.atMillis() - o.latencyMillis());
      last = Math.max(last, o.atMillis());
    }
    return obs.isEmpty() ? 0 : Math.max(0, last - first);
  }

  static UploadReport upload(
      String input,
      String manifestPath,
      Manifest manifest,
      io.cairn.client.engine.UploadReport engine,
      int replicas,
      List<NodeObservation> observations,
      long manifestMs) {
    Map<Cid, List<NodeObservation>> byCid = new HashMap<>();
    long bytesSent = 0;
    Map<Cid, Integer> sizes = new HashMap<>();
    for (ShardEntry e : manifest.shards()) {
      sizes.put(e.cid(), e.size());
    }
    List<NodeObservation> stores = new ArrayList<>();
    for (NodeObservation o : observations) {
      if (o.operation() == NodeObservation.Operation.STORE) {
        stores.add(o);
        byCid.computeIfAbsent(o.cid(), c -> new ArrayList<>()).add(o);
        bytesSent += sizes.getOrDefault(o.cid(), 0);
      }
    }
    Map<Long, ShardEntry> entries = new HashMap<>();
    for (ShardEntry e : manifest.shards()) {
      entries.put(key(e.segment(), e.index()), e);
    }
    List<UploadReport.Shard> shards = new ArrayList<>(engine.shards().size());
    long shardBytes = 0;
    for (io.cairn.client.engine.UploadReport.ShardUpload s : engine.shards()) {
      shardBytes += s.size();
      ShardEntry entry = entries.get(key(s.segment(), s.index()));
      List<UploadReport.Receipt> receipts = new ArrayList<>();
      if (entry != null) {
        for (ShardReceipt r : entry.receipts()) {
          receipts.add(receipt(r));
        }
      }
      List<UploadReport.Attempt> attempts = new ArrayList<>();
      // With k = 1 parity shards share the CID; an observation names the CID only.
      for (NodeObservation o : byCid.getOrDefault(s.cid(), List.of())) {
        attempts.add(
            new UploadReport.Attempt(
                o.peer().toString(),
                o.outcome(),
                o.latencyMillis(),
                !s.planned().contains(o.peer()),
                o.outcome() == NodeObservation.Outcome.OK ? null : o.detail()));
      }
      shards.add(
          new UploadReport.Shard(
              s.segment(),
              s.index(),
              s.cid().toString(),
              s.size(),
              s.planned().stream().map(PeerId::toString).toList(),
              receipts,
              attempts));
    }
    long kdfMs = engine.keyDerivation().toMillis();
    long elapsed = engine.elapsed().toMillis();
    return new UploadReport(
        input,
        manifestPath,
        manifest.fileId().toHex(),
        manifest.fileSize(),
        manifest.segmentSize(),
        manifest.segmentCount(),
        manifest.k(),
        manifest.m(),
        replicas,
        manifest.shards().size(),
        shardBytes,
        bytesSent,
        new UploadReport.Timings(kdfMs, Math.max(0, elapsed - kdfMs), span(stores), manifestMs),
        engine.retries(),
        shards);
  }

  private static UploadReport.Receipt receipt(ShardReceipt r) {
    try {
      StoreReceipt sr = Receipts.fromManifest(r);
      return new UploadReport.Receipt(
          r.node().toString(), Instant.ofEpochMilli(sr.storedAtMillis()), sr.verify(r.node()));
    } catch (ProtocolException | RuntimeException e) {
      return new UploadReport.Receipt(r.node().toString(), null, false);
    }
  }

  private static long key(long segment, int index) {
    return (segment << 16) | index;
  }

  // ---------------------------------------------------------------- retrieve

  static RetrieveReport retrieve(
      String manifestPath,
      String output,
      Manifest manifest,
      io.cairn.client.engine.RetrieveReport engine,
      long kdfMs,
      List<NodeObservation> observations,
      List<TraceEvent> reconstructions) {
    // CID -> shard positions (with k = 1 several positions share one CID).
    Map<Cid, List<ShardEntry>> byCid = new HashMap<>();
    for (ShardEntry e : manifest.shards()) {
      byCid.computeIfAbsent(e.cid(), c -> new ArrayList<>()).add(e);
    }
    Map<Integer, List<RetrieveReport.ShardUse>> used = new TreeMap<>();
    Map<Integer, List<RetrieveReport.Attempt>> attempts = new TreeMap<>();
    List<NodeObservation> fetches = new ArrayList<>();
    int bad = 0;
    for (NodeObservation o : observations) {
      if (o.operation() != NodeObservation.Operation.RETRIEVE) {
        continue;
      }
      fetches.add(o);
      if (isBad(o.outcome())) {
        bad++;
      }
      for (ShardEntry e : byCid.getOrDefault(o.cid(), List.of())) {
        boolean fallback = e.placement().isEmpty() || !e.placement().get(0).equals(o.peer());
        attempts
            .computeIfAbsent(e.segment(), s -> new ArrayList<>())
            .add(
                new RetrieveReport.Attempt(
                    e.index(),
                    e.cid().toString(),
                    o.peer().toString(),
                    o.outcome(),
                    o.latencyMillis(),
                    fallback,
                    o.outcome() == NodeObservation.Outcome.OK ? null : o.detail()));
        if (o.outcome() == NodeObservation.Outcome.OK) {
          used.computeIfAbsent(e.segment(), s -> new ArrayList<>())
              .add(new RetrieveReport.ShardUse(e.index(), e.cid().toString(), o.peer().toString()));
        }
      }
    }
    Map<Long, Boolean> rebuilt = new HashMap<>();
    for (TraceEvent t : reconstructions) {
      if (t instanceof TraceEvent.SegmentReconstructed r) {
        rebuilt.put(r.segment(), true);
      }
    }
    List<RetrieveReport.Segment> segments = new ArrayList<>(manifest.segmentCount());
    for (int s = 0; s < manifest.segmentCount(); s++) {
      segments.add(
          new RetrieveReport.Segment(
              s,
              used.getOrDefault(s, List.of()),
              rebuilt.getOrDefault((long) s, false),
              attempts.getOrDefault(s, List.of())));
    }
    long fetchMs = span(fetches);
    long elapsed = engine.elapsed().toMillis();
    return new RetrieveReport(
        manifestPath,
        output,
        manifest.fileSize(),
        engine.bytesWritten(),
        manifest.segmentCount(),
        new RetrieveReport.Timings(kdfMs, fetchMs, Math.max(0, elapsed - kdfMs)),
        engine.shardsFetched(),
        engine.fallbacksUsed(),
        engine.segmentsReconstructed(),
        bad,
        segments);
  }

  /** Outcomes where the node answered, and the answer failed a check. */
  static boolean isBad(NodeObservation.Outcome o) {
    return switch (o) {
      case CORRUPT_DATA, BAD_PROOF, BAD_SIGNATURE, REPLAYED, PROTOCOL_ERROR -> true;
      default -> false;
    };
  }

  // ---------------------------------------------------------------- audit

  static AuditReport audit(
      String manifestPath, io.cairn.client.engine.AuditReport engine, ClientSentinel sentinel) {
    List<AuditReport.ShardOutcome> shards = new ArrayList<>();
    Map<PeerId, int[]> perNode = new TreeMap<>();
    int passed = 0;
    int failed = 0;
    int unreachable = 0;
    for (io.cairn.client.engine.AuditReport.ShardAudit s : engine.shards()) {
      for (io.cairn.client.engine.AuditReport.PeerAudit p : s.peers()) {
        shards.add(
            new AuditReport.ShardOutcome(
                s.segment(),
                s.index(),
                s.cid().toString(),
                p.peer().toString(),
                s.round().orElse(-1),
                p.outcome(),
                p.latencyMillis(),
                p.outcome() == AuditOutcome.PASS ? null : p.detail()));
        int[] c = perNode.computeIfAbsent(p.peer(), k -> new int[4]);
        c[0]++;
        switch (kind(p.outcome())) {
          case PASS -> {
            passed++;
            c[1]++;
          }
          case FAIL -> {
            failed++;
            c[2]++;
          }
          case NO_ANSWER -> {
            unreachable++;
            c[3]++;
          }
        }
      }
    }
    List<AuditReport.NodeOutcome> nodes = new ArrayList<>();
    perNode.forEach(
        (peer, c) ->
            nodes.add(
                new AuditReport.NodeOutcome(
                    peer.toString(),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    sentinel
                        .state(peer)
                        .map(st -> st.name().toLowerCase(java.util.Locale.ROOT))
                        .orElse(null))));
    return new AuditReport(
        manifestPath, passed + failed + unreachable, passed, failed, unreachable, shards, nodes);
  }

  enum Kind {
    PASS,
    FAIL,
    NO_ANSWER
  }

  /** Pass, a failure (wrong, late, unsigned, refused), or no answer at all. */
  static Kind kind(AuditOutcome o) {
    return switch (o) {
      case PASS -> Kind.PASS;
      case UNREACHABLE, TIMEOUT -> Kind.NO_ANSWER;
      case FAIL, STALE, BAD_SIGNATURE, REPLAYED, NOT_FOUND, REFUSED, PROTOCOL_ERROR -> Kind.FAIL;
    };
  }

  /** Extra fields as an ordered map. */
  static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  static Optional<String> opt(String s) {
    return Optional.ofNullable(s);
  }
}
