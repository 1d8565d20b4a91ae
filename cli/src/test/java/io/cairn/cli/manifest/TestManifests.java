/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.manifest;

import io.cairn.cli.Main;
import io.cairn.cli.common.CliEnv;
import io.cairn.client.audit.AuditParams;
import io.cairn.client.crypto.KdfParams;
import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.manifest.AuditSampling;
import io.cairn.client.manifest.ManifestBuilder;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.manifest.ShardEntry;
import io.cairn.client.pipeline.UploadPipeline;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Manifests built with the real client pipeline (cheap KDF), and an in-process CLI runner. */
final class TestManifests {
  static final String PASSWORD = "correct horse battery staple";
  static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");

  private TestManifests() {}

  /**
   * Encodes {@code size} random bytes with k = 2, m = 1, 64 KiB segments and 2 audit rounds per
   * shard, placing shard i on peers i and i+1 of 3.
   */
  static byte[] build(String password, int size, long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    KdfParams kdf = KdfParams.fresh(random, 8, 1, 1); // cheap KDF: tests, not security
    Bytes fileId = KeySchedule.newFileId(random);
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] s = new byte[32];
      random.nextBytes(s);
      peers.add(PeerId.of(Ed25519.fromSeed(s).publicKey()));
    }
    int segmentSize = 65536;
    AuditParams audit = new AuditParams(2, 512, 2);
    UploadPipeline pipeline =
        new UploadPipeline(new UploadPipeline.Options(segmentSize, 2, 1, audit, 1), random);
    ManifestBuilder builder =
        new ManifestBuilder()
            .kdf(kdf)
            .fileId(fileId)
            .segmentSize(segmentSize)
            .erasure(2, 1)
            .createdAt(CREATED)
            .fileName("notes.txt")
            .auditSampling(AuditSampling.of(audit));
    byte[] plaintext = new byte[size];
    new SplittableRandom(seed).nextBytes(plaintext);
    try (RootKey root = KeySchedule.deriveRoot(password.getBytes(StandardCharsets.UTF_8), kdf);
        SegmentCipher cipher = root.segmentCipher(fileId)) {
      long n =
          pipeline.run(
              new ByteArrayInputStream(plaintext),
              cipher,
              seg -> {
                List<ShardEntry> entries = new ArrayList<>();
                for (int i = 0; i < seg.shardCount(); i++) {
                  entries.add(
                      seg.shardEntry(
                          i, List.of(peers.get(i % 3), peers.get((i + 1) % 3)), List.of()));
                }
                try {
                  builder.addSegment(Math.toIntExact(seg.index()), entries);
                } catch (ManifestException e) {
                  throw new IOException(e);
                }
              });
      builder.fileSize(n);
      try (ManifestKeys keys = ManifestKeys.from(root)) {
        return ManifestCodec.encode(builder.build(keys));
      }
    }
  }

  /** What a CLI run printed and returned. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Run run(CliEnv env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static CliEnv env(Path home, String... variables) {
    java.util.Map<String, String> vars = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      vars.put(variables[i], variables[i + 1]);
    }
    return CliEnv.of(vars, home);
  }
}
