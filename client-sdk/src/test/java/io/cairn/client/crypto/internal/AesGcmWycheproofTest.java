/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.client.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AES-256-GCM with 96-bit nonces against Project Wycheproof: a subset of the ivSize 96 / keySize
 * 256 group of {@code testvectors_v1/aes_gcm_test.json} (C2SP/wycheproof), copied unchanged into
 * {@code wycheproof_aes_gcm_256_subset.json}, valid vectors and modified tags alike. Each runs
 * through both paths: single JDK doFinal calls, and chunked sealing with CTR-then-reseal opening.
 */
class AesGcmWycheproofTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String RESOURCE =
      "/io/cairn/client/crypto/wycheproof_aes_gcm_256_subset.json";

  record Vector(
      int tcId,
      String comment,
      byte[] key,
      byte[] iv,
      byte[] aad,
      byte[] msg,
      byte[] ct,
      byte[] tag,
      boolean valid) {
    @Override
    public String toString() {
      return "tcId " + tcId + (comment.isEmpty() ? "" : " (" + comment + ")");
    }
  }

  static List<Vector> vectors() throws IOException {
    JsonNode root;
    try (InputStream in = AesGcmWycheproofTest.class.getResourceAsStream(RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    List<Vector> out = new ArrayList<>();
    for (JsonNode t : root.get("tests")) {
      out.add(
          new Vector(
              t.get("tcId").asInt(),
              t.get("comment").asText(),
              HEX.parseHex(t.get("key").asText()),
              HEX.parseHex(t.get("iv").asText()),
              HEX.parseHex(t.get("aad").asText()),
              HEX.parseHex(t.get("msg").asText()),
              HEX.parseHex(t.get("ct").asText()),
              HEX.parseHex(t.get("tag").asText()),
              switch (t.get("result").asText()) {
                case "valid" -> true;
                case "invalid" -> false;
                default -> throw new IllegalStateException("unexpected result in " + t);
              }));
    }
    return out;
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> args = new ArrayList<>();
    for (Vector v : vectors()) {
      for (int chunk : new int[] {0, 16, 32, AesGcm.DEFAULT_CHUNK}) {
        args.add(Arguments.of(v, chunk));
      }
    }
    return args.stream();
  }

  @Test
  void shouldCarryAtLeastTenVectorsWithInvalidTags() throws IOException {
    List<Vector> all = vectors();
    assertTrue(all.size() >= 10, "vectors: " + all.size());
    assertTrue(all.stream().anyMatch(v -> !v.valid()), "no invalid vector");
    assertTrue(all.stream().anyMatch(Vector::valid), "no valid vector");
  }

  @ParameterizedTest(name = "{0}, seal chunk {1}")
  @MethodSource("cases")
  void shouldAgreeWithWycheproof(Vector v, int chunk) {
    byte[] sealed = new byte[v.msg().length + AesGcm.TAG_SIZE];
    try (AesGcm gcm = new AesGcm(v.key(), chunk)) {
      assertEquals(sealed.length, gcm.seal(v.iv(), v.aad(), v.msg(), 0, v.msg().length, sealed, 0));
      byte[] ct = Arrays.copyOf(sealed, v.msg().length);
      byte[] tag = Arrays.copyOfRange(sealed, v.msg().length, sealed.length);
      assertArrayEquals(v.ct(), ct, v + " ciphertext");
      byte[] input = new byte[v.ct().length + v.tag().length];
      System.arraycopy(v.ct(), 0, input, 0, v.ct().length);
      System.arraycopy(v.tag(), 0, input, v.ct().length, v.tag().length);
      byte[] out = new byte[v.msg().length];
      if (v.valid()) {
        assertArrayEquals(v.tag(), tag, v + " tag");
        try {
          assertEquals(out.length, gcm.open(v.iv(), v.aad(), input, 0, input.length, out, 0));
        } catch (AEADBadTagException e) {
          throw new AssertionError(v + " should open", e);
        }
        assertArrayEquals(v.msg(), out, v + " plaintext");
      } else {
        assertNotEquals(HEX.formatHex(v.tag()), HEX.formatHex(tag), v + " sealed the bad tag");
        Arrays.fill(out, (byte) 0x5a);
        assertThrows(
            AEADBadTagException.class,
            () -> gcm.open(v.iv(), v.aad(), input, 0, input.length, out, 0),
            v.toString());
        assertArrayEquals(new byte[out.length], out, v + " left plaintext behind");
      }
    }
  }
}
