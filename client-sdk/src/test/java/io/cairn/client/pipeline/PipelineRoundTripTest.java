/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.audit.AuditParams;
import io.cairn.client.audit.AuditSampler;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.manifest.AuditSampling;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestBuilder;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole client pipeline without a network: a file goes through segmenting, sealing, erasure
 * coding, hashing and audit vectors; a manifest is built, encoded and opened with the password; the
 * file comes back byte-identical with up to m shards of every segment lost or corrupted.
 */
class PipelineRoundTripTest {
  private static final int SEG = 64 << 10;
  private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);

  /** A file encoded into memory: its shards by CID and its manifest bytes. */
  record Stored(byte[] plaintext, Map<Cid, byte[]> shards, byte[] manifest) {}

  static Stored store(byte[] plaintext, int k, int m, int threads, long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    KdfParams kdf = KdfParams.fresh(random, 8, 1, 1); // cheap KDF: tests, not security
    Bytes fileId = KeySchedule.newFileId(random);
    AuditParams audit = new AuditParams(4, 512, 4);
    UploadPipeline pipeline =
        new UploadPipeline(new UploadPipeline.Options(SEG, k, m, audit, threads), random);
    Map<Cid, byte[]> shards = new ConcurrentHashMap<>();
    ManifestBuilder builder =
        new ManifestBuilder()
            .kdf(kdf)
            .fileId(fileId)
            .segmentSize(SEG)
            .erasure(k, m)
            .createdAt(Instant.ofEpochMilli(1_700_000_000_000L))
            .auditSampling(AuditSampling.of(audit));
    try (RootKey root = KeySchedule.deriveRoot(PASSWORD, kdf);
        SegmentCipher cipher = root.segmentCipher(fileId)) {
      long size =
          pipeline.run(
              new ByteArrayInputStream(plaintext),
              cipher,
              seg -> {
                List<ShardEntry> entries = new java.util.ArrayList<>();
                for (int i = 0; i < seg.shardCount(); i++) {
                  shards.put(seg.cid(i), seg.shard(i));
                  entries.add(seg.shardEntry(i, List.of(), List.of()));
                }
                try {
                  builder.addSegment(Math.toIntExact(seg.index()), entries);
                } catch (ManifestException e) {
                  throw new IOException(e);
                }
              });
      builder.fileSize(size);
      try (ManifestKeys keys = ManifestKeys.from(root)) {
        return new Stored(plaintext, shards, ManifestCodec.encode(builder.build(keys)));
      }
    }
  }

  static Manifest open(byte[] manifest, byte[] password) throws ManifestException {
    return ManifestCodec.open(
        manifest, kdf -> ManifestKeys.from(KeySchedule.deriveRoot(password, kdf)));
  }

  static byte[] retrieve(Stored stored, ShardSource source, Trace trace, int threads)
      throws Exception {
    Manifest manifest = open(stored.manifest(), PASSWORD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RootKey root = KeySchedule.deriveRoot(PASSWORD, manifest.kdf());
        SegmentCipher cipher = root.segmentCipher(manifest.fileId())) {
      long n = new RetrievePipeline(threads).run(manifest, cipher, source, out, trace);
      assertEquals(out.size(), n);
    }
    return out.toByteArray();
  }

  static ShardSource honest(Map<Cid, byte[]> shards) {
    return entry -> {
      byte[] b = shards.get(entry.cid());
      if (b == null) {
        throw new IOException("no copy of " + entry.cid());
      }
      return VerifiedShard.verify(entry.cid(), b)
          .orElseThrow(() -> new IOException("CID mismatch for " + entry.cid()));
    };
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest(name = "k={0} m={1} size={2} threads={3}")
  @CsvSource({
    "4, 2, 0, 1",
    "4, 2, 1, 2",
    "4, 2, 65519, 1",
    "4, 2, 65536, 2",
    "4, 2, 65537, 3",
    "4, 2, 200005, 2",
    "1, 1, 100000, 1",
    "3, 0, 150000, 2",
    "10, 4, 300000, 2",
    "17, 3, 70000, 1"
  })
  void shouldRoundTripByteIdentical(int k, int m, int size, int threads) throws Exception {
    long seed = 31L * size + k;
    Stored stored = store(random(size, seed), k, m, threads, seed);
    Manifest manifest = open(stored.manifest(), PASSWORD);
    assertEquals(size, manifest.fileSize(), "seed " + seed);
    assertEquals(manifest.segmentCount() * (k + m), manifest.shards().size(), "seed " + seed);
    // With k = 1 the parity shards equal the data shard, so they share its CID.
    assertEquals(
        manifest.shards().stream().map(ShardEntry::cid).distinct().count(),
        stored.shards().size(),
        "seed " + seed);
    Trace.Recording trace = Trace.recording();
    assertArrayEquals(
        stored.plaintext(),
        retrieve(stored, honest(stored.shards()), trace, threads),
        "seed " + seed);
    assertEquals(List.of(), trace.events(), "an intact file needs no repairs");
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shouldRebuildWithAnyMShardsOfEverySegmentLost(long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    int k = 2 + rnd.nextInt(6);
    int m = 1 + rnd.nextInt(4);
    Stored stored = store(random(SEG * 3 + rnd.nextInt(SEG), seed), k, m, 2, seed);
    Manifest manifest = open(stored.manifest(), PASSWORD);
    Set<Cid> lost = new HashSet<>();
    for (int s = 0; s < manifest.segmentCount(); s++) {
      List<ShardEntry> entries = manifest.segmentShards(s);
      int drop = rnd.nextInt(m + 1);
      while (drop > 0) {
        if (lost.add(entries.get(rnd.nextInt(k + m)).cid())) {
          drop--;
        }
      }
    }
    Map<Cid, byte[]> left = new ConcurrentHashMap<>(stored.shards());
    lost.forEach(left::remove);
    Trace.Recording trace = Trace.recording();
    assertArrayEquals(
        stored.plaintext(),
        retrieve(stored, honest(left), trace, 3),
        "seed " + seed + " k=" + k + " m=" + m + " lost " + lost.size());
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {11, 12, 13})
  void shouldRefuseCorruptShardsAndRebuildFromOthers(long seed) throws Exception {
    Stored stored = store(random(SEG * 2 + 99, seed), 4, 2, 2, seed);
    Manifest manifest = open(stored.manifest(), PASSWORD);
    Cid victim = manifest.segmentShards(1).get(2).cid();
    Map<Cid, byte[]> served = new ConcurrentHashMap<>(stored.shards());
    byte[] bad = served.get(victim).clone();
    bad[new SplittableRandom(seed).nextInt(bad.length)] ^= 1;
    served.put(victim, bad);
    Trace.Recording trace = Trace.recording();
    assertArrayEquals(stored.plaintext(), retrieve(stored, honest(served), trace, 2));
    List<TraceEvent> events = trace.events();
    assertTrue(
        events.stream()
            .anyMatch(e -> e instanceof TraceEvent.ShardUnavailable u && u.cid().equals(victim)),
        "seed " + seed + ": " + events);
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e instanceof TraceEvent.SegmentReconstructed r
                        && r.segment() == 1
                        && r.missing().equals(List.of(2))),
        "seed " + seed + ": " + events);
  }

  @org.junit.jupiter.api.Test
  void shouldNameTheSegmentWhenTooFewShardsAreLeft() throws Exception {
    Stored stored = store(random(SEG * 3, 5), 4, 2, 1, 5);
    Manifest manifest = open(stored.manifest(), PASSWORD);
    Map<Cid, byte[]> left = new ConcurrentHashMap<>(stored.shards());
    for (int i = 0; i < 3; i++) {
      left.remove(manifest.segmentShards(2).get(i).cid());
    }
    NotEnoughShardsException e =
        assertThrows(
            NotEnoughShardsException.class, () -> retrieve(stored, honest(left), Trace.NONE, 1));
    assertEquals(2, e.segment());
    assertEquals(3, e.found());
    assertEquals(4, e.needed());
    assertTrue(
        e.getMessage().startsWith("segment 2: found 3 good shards of the 4 needed"),
        e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void shouldTellAWrongPasswordApartFromTampering() throws Exception {
    Stored stored = store(random(1000, 9), 4, 2, 1, 9);
    ManifestException wrong =
        assertThrows(
            ManifestException.class,
            () -> open(stored.manifest(), "wrong".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ManifestException.Reason.WRONG_PASSWORD, wrong.reason());
    byte[] tampered = stored.manifest().clone();
    tampered[tampered.length / 2] ^= 0x40;
    ManifestException bad = assertThrows(ManifestException.class, () -> open(tampered, PASSWORD));
    assertTrue(bad.reason() != ManifestException.Reason.WRONG_PASSWORD, bad.toString());
  }

  @org.junit.jupiter.api.Test
  void shouldMatchAuditVectorsAgainstTheStoredShards() throws Exception {
    Stored stored = store(random(SEG + 5, 21), 4, 2, 2, 21);
    Manifest manifest = open(stored.manifest(), PASSWORD);
    AuditSampling sampling = manifest.auditSampling();
    for (ShardEntry e : manifest.shards()) {
      byte[] shard = stored.shards().get(e.cid());
      for (var round : e.auditRounds()) {
        byte[] answer =
            AuditSampler.response(
                round.nonce().toArray(),
                shard,
                0,
                shard.length,
                sampling.blockSize(),
                sampling.blockCount());
        assertArrayEquals(round.expected().toArray(), answer);
      }
    }
  }
}
