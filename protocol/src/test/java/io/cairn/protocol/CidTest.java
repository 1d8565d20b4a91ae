/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidTest {
  // CIDv1 raw sha2-256 of each input, as `ipfs add --cid-version 1 --raw-leaves` prints it;
  // recomputed independently with Python hashlib + base64.b32encode.
  @ParameterizedTest
  @CsvSource({
    "'', bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
    "'hello world\n', bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
    "abc, bafkreif2pall7dybz7vecqka3zo24irdwabwdi4wc55jznaq75q7eaavvu"
  })
  void shouldMatchKnownCids(String input, String text) {
    byte[] data = input.getBytes(US_ASCII);
    Cid cid = Cid.of(data);
    assertEquals(text, cid.toString());
    assertEquals(cid, Cid.parse(text));
    assertTrue(cid.matches(data));
    assertEquals(cid, Cid.fromBytes(cid.toBytes()));
  }

  @Test
  void shouldHaveTheBinaryLayout() {
    Cid cid = Cid.of(new byte[0]);
    assertEquals(
        "01551220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Bytes.wrap(cid.toBytes()).toHex());
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", cid.digest().toHex());
    assertEquals(cid, Cid.ofDigest(cid.digest().toArray()));
    assertTrue(cid.matchesDigest(cid.digest().toArray()));
  }

  @Test
  void shouldNotMatchOtherData() {
    Cid cid = Cid.of(new byte[] {1, 2, 3});
    assertFalse(cid.matches(new byte[] {1, 2, 4}));
    assertTrue(cid.matches(new byte[] {0, 1, 2, 3, 0}, 1, 3));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
        "Bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
        "zafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
        "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyk",
        "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyk1",
        "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvykuu",
        // dag-pb (0x70) CIDv1 of the same digest
        "bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
      })
  void shouldRejectMalformedText(String text) {
    var e = assertThrows(IllegalArgumentException.class, () -> Cid.parse(text));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void shouldRejectWrongBinaryForms() {
    byte[] good = Cid.of(new byte[0]).toBytes();
    assertThrows(IllegalArgumentException.class, () -> Cid.fromBytes(new byte[35]));
    for (int i = 0; i < 4; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 1;
      int at = i;
      assertThrows(IllegalArgumentException.class, () -> Cid.fromBytes(bad), "byte " + at);
    }
    byte[] v0 = new byte[34];
    v0[0] = 0x12;
    v0[1] = 0x20;
    var e = assertThrows(IllegalArgumentException.class, () -> Cid.fromBytes(v0));
    assertTrue(e.getMessage().contains("CIDv0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Cid.ofDigest(new byte[31]));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void shouldRoundTripRandomData(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      byte[] data = new byte[rnd.nextInt(0, 200)];
      rnd.nextBytes(data);
      Cid cid = Cid.of(data);
      String msg = "seed " + seed + " iteration " + i;
      assertEquals(cid, Cid.parse(cid.toString()), msg);
      assertArrayEquals(cid.toBytes(), Cid.fromBytes(cid.toBytes()).toBytes(), msg);
      assertTrue(cid.toString().startsWith("bafkrei"), msg);
      assertEquals(0, cid.compareTo(Cid.parse(cid.toString())), msg);
    }
  }
}
