/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import io.cairn.cli.common.Progress;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.protocol.PeerId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What {@code cairn validate} and {@code cairn manifest show} say about a decoded manifest. */
record ManifestSummary(
    int formatVersion,
    String fileName,
    String contentType,
    long fileSize,
    String createdAt,
    String fileId,
    int segmentSize,
    int segmentCount,
    int k,
    int m,
    int shardCount,
    long shardBytes,
    int distinctPeers,
    int minPeersPerShard,
    int maxPeersPerShard,
    int receipts,
    int auditRounds,
    int minAuditRoundsPerShard,
    int maxAuditRoundsPerShard,
    Map<String, Integer> auditSampling,
    Map<String, Object> kdf,
    String cipher,
    String merkleRoot,
    String manifestHash) {

  static ManifestSummary of(Manifest m) {
    Set<PeerId> peers = new HashSet<>();
    long shardBytes = 0;
    int minPeers = Integer.MAX_VALUE;
    int maxPeers = 0;
    int receipts = 0;
    int rounds = 0;
    int minRounds = Integer.MAX_VALUE;
    int maxRounds = 0;
    for (ShardEntry s : m.shards()) {
      peers.addAll(s.placement());
      shardBytes += s.size();
      minPeers = Math.min(minPeers, s.placement().size());
      maxPeers = Math.max(maxPeers, s.placement().size());
      receipts += s.receipts().size();
      rounds += s.auditRounds().size();
      minRounds = Math.min(minRounds, s.auditRounds().size());
      maxRounds = Math.max(maxRounds, s.auditRounds().size());
    }
    if (m.shards().isEmpty()) {
      minPeers = 0;
      minRounds = 0;
    }
    Map<String, Integer> sampling = new LinkedHashMap<>();
    sampling.put("blockSize", m.auditSampling().blockSize());
    sampling.put("blockCount", m.auditSampling().blockCount());
    KdfParams p = m.kdf();
    Map<String, Object> kdf = new LinkedHashMap<>();
    kdf.put("algorithm", p.algorithm());
    kdf.put("memoryKiB", p.memoryKiB());
    kdf.put("iterations", p.iterations());
    kdf.put("parallelism", p.parallelism());
    return new ManifestSummary(
        m.formatVersion(),
        m.fileName().orElse(null),
        m.contentType().orElse(null),
        m.fileSize(),
        m.createdAt().toString(),
        m.fileId().toHex(),
        m.segmentSize(),
        m.segmentCount(),
        m.k(),
        m.m(),
        m.shards().size(),
        shardBytes,
        peers.size(),
        minPeers,
        maxPeers,
        receipts,
        rounds,
        minRounds,
        maxRounds,
        sampling,
        kdf,
        m.cipher(),
        m.merkleRoot().toHex(),
        m.manifestHash().toHex());
  }

  /** Aligned {@code label value} lines for people. */
  List<String> lines() {
    List<String> l = new ArrayList<>();
    l.add(row("format", "version " + formatVersion));
    String name = fileName == null ? "(no name recorded)" : fileName;
    l.add(row("file", name + ", " + count(fileSize, "byte") + sized(fileSize)));
    if (contentType != null) {
      l.add(row("content type", contentType));
    }
    l.add(row("created", createdAt));
    l.add(row("file id", fileId));
    l.add(
        row(
            "segments",
            count(segmentCount, "segment") + " of up to " + count(segmentSize, "byte")));
    l.add(
        row(
            "erasure",
            "k="
                + k
                + " data + m="
                + m
                + " parity: any "
                + k
                + " of the "
                + (k + m)
                + " shards of a segment rebuild it"));
    l.add(
        row(
            "shards",
            count(shardCount, "shard") + ", " + count(shardBytes, "byte") + sized(shardBytes)));
    l.add(
        row(
            "peers",
            count(distinctPeers, "distinct peer")
                + ", "
                + range(minPeersPerShard, maxPeersPerShard)
                + " per shard"));
    l.add(row("receipts", count(receipts, "receipt")));
    l.add(
        row(
            "audit rounds",
            count(auditRounds, "round")
                + ", "
                + range(minAuditRoundsPerShard, maxAuditRoundsPerShard)
                + " per shard; "
                + auditSampling.get("blockCount")
                + " blocks of "
                + count(auditSampling.get("blockSize"), "byte")
                + " per round"));
    l.add(
        row(
            "kdf",
            kdf.get("algorithm")
                + ", "
                + memory((Integer) kdf.get("memoryKiB"))
                + ", "
                + kdf.get("iterations")
                + " iterations, "
                + (Integer.valueOf(1).equals(kdf.get("parallelism"))
                    ? "1 lane"
                    : kdf.get("parallelism") + " lanes")));
    l.add(row("cipher", cipher));
    l.add(row("merkle root", merkleRoot));
    return l;
  }

  static String row(String label, String value) {
    return String.format(Locale.ROOT, "%-14s %s", label, value);
  }

  private static String count(long n, String unit) {
    return String.format(Locale.ROOT, "%,d %s%s", n, unit, n == 1 ? "" : "s");
  }

  private static String sized(long bytes) {
    return bytes < 1000 ? "" : " (" + Progress.bytes(bytes) + ")";
  }

  private static String range(int min, int max) {
    return min == max ? Integer.toString(min) : min + " to " + max;
  }

  static String memory(int kib) {
    return kib % 1024 == 0 ? (kib / 1024) + " MiB" : kib + " KiB";
  }
}
