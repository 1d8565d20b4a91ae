/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.client.audit.AuditRound;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.protocol.Bytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void shouldRoundTripSeededRandomManifests(long seed) throws Exception {
    for (long s = seed; s < seed + 1000; s += 100) {
      Manifest manifest = ManifestFixtures.random(s, 12);
      byte[] bytes = ManifestCodec.encode(manifest);
      Manifest decoded = ManifestCodec.decode(bytes);
      assertEquals(manifest, decoded, "seed " + s);
      assertArrayEquals(bytes, ManifestCodec.encode(decoded), "seed " + s);
      assertArrayEquals(bytes, ManifestCodec.encode(manifest), "deterministic, seed " + s);
      ManifestCodec.authenticate(decoded, ManifestFixtures.keys("password " + s));
      JsonNode json = JSON.readTree(ManifestJson.toJson(decoded));
      assertEquals(manifest.manifestHash().toHex(), json.get("manifest_hash").asText());
      assertEquals(manifest.shards().size(), json.get("shards").size(), "seed " + s);
    }
  }

  @Test
  void shouldDetectEveryFlippedByteOfASmallManifest() throws ManifestException {
    Manifest manifest = ManifestFixtures.random(77, 2);
    byte[] bytes = ManifestCodec.encode(manifest);
    ManifestKeys keys = ManifestFixtures.keys("password 77");
    Set<Reason> seen = EnumSet.noneOf(Reason.class);
    for (int i = 0; i < bytes.length; i++) {
      for (int mask : new int[] {0x01, 0x80, 0xff}) {
        byte[] copy = bytes.clone();
        copy[i] ^= (byte) mask;
        seen.add(expectRejected(copy, keys, "byte " + i + " ^ " + mask));
      }
    }
    // The last 32 bytes are the tag: a flip there decodes and fails authentication only.
    assertTrue(seen.contains(Reason.TAMPERED), seen.toString());
    assertTrue(seen.contains(Reason.HASH_MISMATCH), seen.toString());
  }

  @Test
  void shouldDetectASampleOfFlippedBytesOfALargeManifest() throws ManifestException {
    Manifest manifest = ManifestFixtures.random(78, 400);
    byte[] bytes = ManifestCodec.encode(manifest);
    assertTrue(bytes.length > 50_000, "a large manifest: " + bytes.length);
    ManifestKeys keys = ManifestFixtures.keys("password 78");
    Random rnd = new Random(78);
    for (int n = 0; n < 300; n++) {
      int i = rnd.nextInt(bytes.length);
      int mask = 1 + rnd.nextInt(255);
      byte[] copy = bytes.clone();
      copy[i] ^= (byte) mask;
      expectRejected(copy, keys, "seed 78, byte " + i + " ^ " + mask);
    }
  }

  @Test
  void shouldRejectEveryTruncationAndAnyTrailingByte() throws ManifestException {
    byte[] bytes = ManifestCodec.encode(ManifestFixtures.random(79, 2));
    for (int len = 0; len < bytes.length; len++) {
      byte[] cut = Arrays.copyOf(bytes, len);
      ManifestException e =
          assertThrows(ManifestException.class, () -> ManifestCodec.decode(cut), "length " + len);
      assertTrue(
          Set.of(Reason.MALFORMED, Reason.HASH_MISMATCH, Reason.LIMIT_EXCEEDED)
              .contains(e.reason()),
          "length " + len + ": " + e);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThrows(ManifestException.class, () -> ManifestCodec.decode(longer));
  }

  @Test
  void shouldRejectRandomGarbageWithoutCrashing() {
    Random rnd = new Random(80);
    for (int n = 0; n < 2000; n++) {
      byte[] junk = new byte[rnd.nextInt(400)];
      rnd.nextBytes(junk);
      if (rnd.nextBoolean() && junk.length >= 8) {
        System.arraycopy("CAIRNMF\u0001".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 8);
      }
      assertThrows(ManifestException.class, () -> ManifestCodec.decode(junk), "case " + n);
    }
  }

  @Test
  void shouldRejectAnotherVersionAsUnsupported() throws ManifestException {
    byte[] bytes = ManifestCodec.encode(ManifestFixtures.simple(100, 64, 2, 1));
    bytes[7] = 2;
    ManifestException e = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
  }

  @Test
  void shouldPointLegacyJsonToMigration() {
    byte[] json = "  {\"version\":0}".getBytes(StandardCharsets.UTF_8);
    ManifestException e = assertThrows(ManifestException.class, () -> ManifestCodec.decode(json));
    assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
    assertTrue(e.getMessage().contains("migrate"), e.getMessage());
  }

  @Test
  void shouldRejectBytesWithoutTheMagic() {
    for (String s : new String[] {"", "C", "CAIRNMX\u0001", "hello world"}) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      ManifestException e = assertThrows(ManifestException.class, () -> ManifestCodec.decode(b));
      assertEquals(Reason.MALFORMED, e.reason(), s);
    }
  }

  @Test
  void shouldReadFromAStreamAndStopAfterTheLimit() throws Exception {
    byte[] bytes = ManifestCodec.encode(ManifestFixtures.simple(100, 64, 2, 1));
    assertEquals(
        ManifestCodec.decode(bytes), ManifestCodec.decode(new ByteArrayInputStream(bytes)));

    // An endless stream: the decoder reads limit + 1 bytes and stops.
    InputStream endless =
        new InputStream() {
          long served;

          @Override
          public int read() {
            served++;
            return 'C';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'C');
            served += len;
            return len;
          }
        };
    ManifestException e =
        assertThrows(ManifestException.class, () -> ManifestCodec.decode(endless));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertTrue(e.getMessage().contains("16777216"), e.getMessage());
  }

  @Test
  void shouldRefuseToEncodeAManifestWhoseHashIsStale() throws ManifestException {
    Manifest m = ManifestFixtures.simple(100, 64, 2, 1);
    Manifest edited =
        new Manifest(
            m.formatVersion(),
            m.kdf(),
            m.passwordCheck(),
            m.fileId(),
            m.fileSize(),
            m.segmentSize(),
            m.segmentCount(),
            m.k(),
            m.m(),
            m.cipher(),
            m.createdAt(),
            Optional.of("renamed.txt"),
            m.contentType(),
            m.auditSampling(),
            m.shards(),
            m.merkleRoot(),
            m.manifestHash(),
            m.authTag());
    assertThrows(IllegalArgumentException.class, () -> ManifestCodec.encode(edited));
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () -> ManifestCodec.authenticate(edited, ManifestFixtures.keys("password")));
    assertEquals(Reason.HASH_MISMATCH, e.reason());
  }

  @Test
  void shouldReportAWrongMerkleRootAfterAValidHash() throws ManifestException {
    Manifest m = ManifestFixtures.simple(100, 64, 2, 1);
    byte[] bytes = ManifestCodec.encode(m);
    // Rewrite the stored root and re-hash, as a buggy writer (or an editor) would.
    int rootAt = bytes.length - ManifestCodec.TRAILER_LENGTH - 32;
    bytes[rootAt] ^= 1;
    byte[] hash = ManifestFixtures.sha256Of(bytes, 0, bytes.length - ManifestCodec.TRAILER_LENGTH);
    System.arraycopy(hash, 0, bytes, bytes.length - ManifestCodec.TRAILER_LENGTH, 32);
    ManifestException e = assertThrows(ManifestException.class, () -> ManifestCodec.decode(bytes));
    assertEquals(Reason.MERKLE_MISMATCH, e.reason(), e.getMessage());
  }

  @Test
  void shouldMatchTheGoldenEncoding() throws Exception {
    Manifest golden = golden();
    byte[] expected =
        Bytes.fromHex(resource("manifest-v1-golden.hex").replaceAll("\\s", "")).toArray();
    assertEquals(Bytes.wrap(expected).toHex(), Bytes.wrap(ManifestCodec.encode(golden)).toHex());
    assertEquals(golden, ManifestCodec.decode(expected));
    ManifestCodec.authenticate(ManifestCodec.decode(expected), ManifestFixtures.keys("golden"));
  }

  /** The manifest behind {@code manifest-v1-golden.hex} (also shown in docs/manifest.md). */
  static Manifest golden() throws ManifestException {
    // 100 bytes in 64-byte segments with k = 2, m = 1: two segments of 64 and 36 bytes.
    ManifestBuilder b =
        ManifestFixtures.header(100, 64, 2, 1)
            .fileName("hello.txt")
            .contentType("text/plain")
            .auditSampling(new AuditSampling(4096, 16));
    for (int s = 0; s < 2; s++) {
      int size = s == 0 ? 40 : 26;
      for (int i = 0; i < 3; i++) {
        List<io.cairn.protocol.PeerId> placement =
            List.of(ManifestFixtures.peer(i), ManifestFixtures.peer(i + 1));
        b.addShard(
            new ShardEntry(
                ManifestFixtures.cid("golden " + s + "/" + i),
                size,
                s,
                i,
                placement,
                List.of(
                    new ShardReceipt(
                        placement.get(1), Bytes.wrap(("receipt " + s + "/" + i).getBytes()))),
                i == 0
                    ? List.of(
                        new AuditRound(
                            Bytes.wrap(Arrays.copyOf(ManifestFixtures.sha256("nonce " + s), 16)),
                            Bytes.wrap(ManifestFixtures.sha256("expected " + s))))
                    : List.of()));
      }
    }
    return b.build(ManifestFixtures.keys("golden"));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ManifestCodecTest.class.getResourceAsStream(name)) {
      if (in == null) {
        fail("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Decoding and authenticating must fail with a ManifestException and nothing else. */
  static Reason expectRejected(byte[] bytes, ManifestKeys keys, String what) {
    try {
      Manifest decoded = ManifestCodec.decode(bytes);
      ManifestCodec.authenticate(decoded, keys);
    } catch (ManifestException e) {
      assertFalse(e.getMessage().isEmpty(), what);
      return e.reason();
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": unchecked " + e, e);
    }
    throw new AssertionError(what + ": accepted");
  }
}
