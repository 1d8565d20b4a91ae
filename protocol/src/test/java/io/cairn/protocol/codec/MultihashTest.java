/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cairn.protocol.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultihashTest {
  @Test
  void shouldEncodeSha256OfEmptyInput() {
    // sha2-256 of "" (FIPS 180-4 example), as a multihash: 12 20 <digest>.
    assertEquals(
        "1220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Bytes.wrap(Multihash.sha256(new byte[0]).toBytes()).toHex());
  }

  @Test
  void shouldRoundTripIdentity() {
    Multihash mh = Multihash.identity(new byte[] {1, 2, 3});
    assertEquals("0003010203", Bytes.wrap(mh.toBytes()).toHex());
    assertEquals(mh, Multihash.fromBytes(mh.toBytes()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12",
        "1220",
        "121f" + "00000000000000000000000000000000000000000000000000000000000000",
        "1220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8",
        "1220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85500",
        "1320e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "0081",
        "008101",
        "0004010203"
      })
  void shouldRejectMalformed(String hex) {
    assertThrows(
        IllegalArgumentException.class, () -> Multihash.fromBytes(Bytes.fromHex(hex).toArray()));
  }

  @Test
  void shouldRejectOversizedIdentity() {
    assertThrows(IllegalArgumentException.class, () -> Multihash.identity(new byte[129]));
  }
}
