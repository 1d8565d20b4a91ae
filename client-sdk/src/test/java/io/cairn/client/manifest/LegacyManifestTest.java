/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.crypto.KdfParams;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.protocol.Bytes;
import io.cairn.protocol.Cid;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyManifestTest {
  private static final ManifestKeys KEYS = ManifestFixtures.keys("v0 sample");
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

  private static String sample() throws IOException {
    return ManifestCodecTest.resource("legacy-v0-sample.json");
  }

  private static LegacyManifest parse(String json) throws ManifestException {
    return LegacyManifest.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ManifestException rejected(String json) {
    return assertThrows(ManifestException.class, () -> parse(json));
  }

  @Test
  void shouldParseTheSample() throws Exception {
    LegacyManifest v0 = parse(sample());
    assertEquals(
        KdfParams.of(Bytes.fromHex("101112131415161718191a1b1c1d1e1f"), 65536, 3, 1), v0.kdf());
    assertEquals(2500, v0.fileSize());
    assertEquals(1024, v0.segmentSize());
    assertEquals(2, v0.k());
    assertEquals(1, v0.m());
    assertEquals(Optional.of("notes.txt"), v0.fileName());
    assertEquals(Optional.of(Instant.ofEpochSecond(1700000000)), v0.createdAt());
    assertEquals(9, v0.shards().size());
    assertEquals(
        Cid.parse("bafkreif4yqwqkh2r2weekvufu36czpvwbht6z2pfdxelhrnno74tqxfsqe"),
        v0.shards().get(0).cid());
    assertEquals(
        PeerId.parse("12D3KooWEiGyXfp7H2Tw39VdDeq5g5pTYFtdANE7G5SLRwMoLx6w"),
        v0.shards().get(0).peers().get(0));
    assertEquals(4, v0.audit().size());
    assertEquals(v0.manifestHash().orElseThrow(), v0.computeHash());
  }

  @Test
  void shouldHashTheDocumentedV0Text() throws Exception {
    // An independent rendering of the v0 hash input of docs/manifest.md, line by line.
    LegacyManifest v0 = parse(sample());
    StringBuilder t = new StringBuilder("cairn-manifest-v0\n");
    t.append("salt=101112131415161718191a1b1c1d1e1f\n");
    t.append("file_id=").append(v0.fileId().toHex()).append("\n");
    t.append("file_size=2500\nsegment_size=1024\nk=2\nm=1\n");
    for (LegacyManifest.Shard s : v0.shards()) {
      t.append(
          String.format(
              "shard=%d,%d,%d,%s,%s%n",
              s.segment(),
              s.index(),
              s.size(),
              s.cid(),
              String.join(";", s.peers().stream().map(PeerId::toString).toList())));
    }
    for (LegacyManifest.Audit a : v0.audit()) {
      t.append(
          String.format(
              "audit=%d,%d,%s,%s%n",
              a.segment(), a.index(), a.nonce().toHex(), a.expected().toHex()));
    }
    t.append("merkle_root=").append(v0.merkleRoot().toHex()).append("\n");
    String text = t.toString().replace(System.lineSeparator(), "\n");
    assertEquals(
        "d86ef537c629e7794d3fbbebe787d11feb55d95079e7e28d26ab5a308073294f",
        Bytes.wrap(ManifestFixtures.sha256(text)).toHex());
  }

  @Test
  void shouldMigrateTheSampleToTheGoldenManifest() throws Exception {
    Manifest m = ManifestMigration.migrate(parse(sample()), KEYS, NOW);

    assertEquals(Manifest.FORMAT_VERSION, m.formatVersion());
    assertEquals(KEYS.passwordCheck(), m.passwordCheck());
    assertEquals(Instant.ofEpochSecond(1700000000), m.createdAt()); // from v0, not the fallback
    assertEquals(3, m.segmentCount());
    assertEquals(Manifest.CIPHER_AES_256_GCM, m.cipher());
    assertEquals(AuditSampling.DEFAULT, m.auditSampling());
    // Sorted by (segment, index), where the v0 file listed data shards first.
    for (int i = 0; i < 9; i++) {
      assertEquals(i / 3, m.shards().get(i).segment());
      assertEquals(i % 3, m.shards().get(i).index());
    }
    assertEquals(2, m.shard(0, 0).auditRounds().size());
    assertEquals(2, m.shard(2, 1).auditRounds().size());
    assertEquals(0, m.shard(1, 1).auditRounds().size());
    assertEquals(
        Cid.parse("bafkreigytasludq67rpgj5zu5henjh2yte5i2ssdkz3ievew4rasbte3ia"),
        m.shard(0, 1).cid());

    byte[] bytes = ManifestCodec.encode(m);
    assertEquals(GOLDEN_MIGRATED_HASH, m.manifestHash().toHex());
    assertEquals(GOLDEN_MIGRATED_LENGTH, bytes.length);
    assertEquals(m, ManifestCodec.open(bytes, kdf -> ManifestFixtures.keys("v0 sample")));

    // The same through the one-call form, deriving keys from the v0 KDF parameters.
    Manifest again =
        ManifestMigration.migrate(
            sample().getBytes(StandardCharsets.UTF_8),
            kdf -> {
              assertEquals(65536, kdf.memoryKiB());
              return ManifestFixtures.keys("v0 sample");
            },
            NOW);
    assertArrayEquals(bytes, ManifestCodec.encode(again));
  }

  private static final String GOLDEN_MIGRATED_HASH =
      "01f902d0295a7732b13491dabdfb258d274af326999138926db81c5d8aa12b87";
  private static final int GOLDEN_MIGRATED_LENGTH = 1590;

  @Test
  void shouldMigrateWithoutTheOptionalFields() throws Exception {
    String json =
        sample()
            .replaceAll("\\s*\"manifest_hash\": \"[0-9a-f]+\"", "")
            .replaceAll("\"kdf\": \\{[^}]*},\\s*", "")
            .replaceAll("\"file_name\": \"notes.txt\",\\s*", "")
            .replaceAll("\"created_at\": 1700000000,\\s*", "");
    json = json.replace(",\n}", "\n}");
    LegacyManifest v0 = parse(json);
    assertEquals(Optional.empty(), v0.manifestHash());
    assertEquals(KdfParams.DEFAULT_MEMORY_KIB, v0.kdf().memoryKiB());
    Manifest m = ManifestMigration.migrate(v0, KEYS, NOW);
    assertEquals(NOW, m.createdAt());
    assertEquals(Optional.empty(), m.fileName());
  }

  @Test
  void shouldRefuseAV0FileWhoseHashDoesNotMatch() throws Exception {
    String json = sample().replace("\"file_size\": 2500", "\"file_size\": 2400");
    ManifestException e =
        assertThrows(
            ManifestException.class, () -> ManifestMigration.migrate(parse(json), KEYS, NOW));
    assertEquals(Reason.HASH_MISMATCH, e.reason());
  }

  @Test
  void shouldRefuseAV0FileWhoseMerkleRootDoesNotMatch() throws Exception {
    String json =
        sample()
            .replaceAll("\\s*\"manifest_hash\": \"[0-9a-f]+\"", "")
            .replace(",\n}", "\n}")
            .replace("\"merkle_root\": \"3e", "\"merkle_root\": \"4e");
    ManifestException e =
        assertThrows(
            ManifestException.class, () -> ManifestMigration.migrate(parse(json), KEYS, NOW));
    assertEquals(Reason.MERKLE_MISMATCH, e.reason());
  }

  @Test
  void shouldRefuseAV0FileWithAMissingShardUnderTheCurrentRules() throws Exception {
    LegacyManifest v0 = parse(sample());
    List<LegacyManifest.Shard> fewer = v0.shards().subList(0, 8);
    LegacyManifest cut =
        new LegacyManifest(
            v0.kdf(),
            v0.fileId(),
            v0.fileSize(),
            v0.segmentSize(),
            v0.k(),
            v0.m(),
            v0.fileName(),
            v0.createdAt(),
            fewer,
            v0.audit(),
            MerkleTree.rootOfCids(fewer.stream().map(LegacyManifest.Shard::cid).toList()),
            Optional.empty());
    ManifestException e =
        assertThrows(ManifestException.class, () -> ManifestMigration.migrate(cut, KEYS, NOW));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals(
        "segment 2 has no shard with index 2 (every segment needs k + m = 3 shards)",
        e.getMessage());
  }

  @Test
  void shouldRefuseAuditRoundsForUnknownShards() throws Exception {
    String json =
        sample()
            .replaceAll("\\s*\"manifest_hash\": \"[0-9a-f]+\"", "")
            .replace(",\n}", "\n}")
            .replace(
                "{\"segment\": 2, \"index\": 1, \"nonce\"",
                "{\"segment\": 7, \"index\": 1, \"nonce\"");
    ManifestException e =
        assertThrows(
            ManifestException.class, () -> ManifestMigration.migrate(parse(json), KEYS, NOW));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("segment 7"), e.getMessage());
  }

  @Test
  void shouldRefuseMalformedDocumentsWithAClearReason() throws Exception {
    String s = sample();
    assertEquals(Reason.MALFORMED, rejected("").reason());
    assertEquals(Reason.MALFORMED, rejected("[]").reason());
    assertEquals(Reason.MALFORMED, rejected("{").reason());
    assertEquals(Reason.MALFORMED, rejected(s + "{}").reason());
    assertEquals(Reason.MALFORMED, rejected(s.replace("\"k\": 2", "\"k\": 2.5")).reason());
    assertEquals(Reason.MALFORMED, rejected(s.replace("\"k\": 2", "\"k\": \"2\"")).reason());
    assertEquals(
        Reason.MALFORMED, rejected(s.replace("\"k\": 2", "\"k\": 99999999999999999999")).reason());
    assertEquals(
        Reason.MALFORMED, rejected(s.replace("\"m\": 1,", "\"m\": 1, \"m\": 1,")).reason());
    ManifestException e = rejected(s.replace("\"m\": 1,", "\"m\": 1, \"colour\": 1,"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("unknown field \"colour\""), e.getMessage());
    e = rejected(s.replace("\"salt\"", "\"pepper\""));
    assertTrue(e.getMessage().contains("pepper"), e.getMessage());
    e = rejected(s.replace("\"segment_size\": 1024,", ""));
    assertTrue(e.getMessage().contains("\"segment_size\" is missing"), e.getMessage());
    e = rejected(s.replace("\"101112131415161718191a1b1c1d1e1f\"", "\"1011\""));
    assertTrue(e.getMessage().contains("salt must be 32 hex digits"), e.getMessage());
    e = rejected(s.replace("bafkreif4yq", "bafkreif4yQ"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("shards[0].cid"), e.getMessage());
    e = rejected(s.replace("\"file_name\": \"notes.txt\"", "\"file_name\": [[[[[[\"x\"]]]]]]"));
    assertEquals(Reason.MALFORMED, e.reason());
  }

  @Test
  void shouldRefuseOtherVersions() throws Exception {
    ManifestException e = rejected(sample().replace("\"version\": 0", "\"version\": 1"));
    assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
  }

  @Test
  void shouldBoundTheDocumentAndItsCounts() throws Exception {
    byte[] big = new byte[ManifestLimits.MAX_ENCODED_BYTES + 1];
    big[0] = '{';
    ManifestException e = assertThrows(ManifestException.class, () -> LegacyManifest.parse(big));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals(
        "legacy manifest is 16777217 bytes; the limit is 16777216 bytes (16 MiB)", e.getMessage());

    String peer = "\"12D3KooWEiGyXfp7H2Tw39VdDeq5g5pTYFtdANE7G5SLRwMoLx6w\"";
    String sixtyFive = String.join(", ", java.util.Collections.nCopies(65, peer));
    e =
        rejected(
            sample()
                .replaceFirst(
                    "\"peers\": \\[[^]]*]",
                    java.util.regex.Matcher.quoteReplacement("\"peers\": [" + sixtyFive + "]")));
    assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    assertEquals("shards[0].peers has more than 64 peers; the limit is 64", e.getMessage());

    // 64 peers parse (they repeat here, which the current format then refuses as malformed).
    String sixtyFour = String.join(", ", java.util.Collections.nCopies(64, peer));
    LegacyManifest v0 =
        parse(
            sample()
                .replaceFirst(
                    "\"peers\": \\[[^]]*]",
                    java.util.regex.Matcher.quoteReplacement("\"peers\": [" + sixtyFour + "]")));
    assertEquals(64, v0.shards().get(0).peers().size());

    // 250,001 shards cannot fit in a 16 MiB v0 document (each takes about 100 bytes of JSON), so
    // the document limit catches them first; the record refuses them all the same.
    LegacyManifest.Shard one = v0.shards().get(1);
    List<LegacyManifest.Shard> tooMany =
        java.util.Collections.nCopies(ManifestLimits.MAX_SHARDS + 1, one);
    IllegalArgumentException r =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LegacyManifest(
                    v0.kdf(),
                    v0.fileId(),
                    v0.fileSize(),
                    v0.segmentSize(),
                    v0.k(),
                    v0.m(),
                    v0.fileName(),
                    v0.createdAt(),
                    tooMany,
                    v0.audit(),
                    v0.merkleRoot(),
                    v0.manifestHash()));
    assertEquals("manifest has 250001 shards; the limit is 250000", r.getMessage());
  }
}
