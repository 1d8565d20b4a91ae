/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "4096, 4096",
    "12B, 12",
    "500MB, 500000000",
    "500 mb, 500000000",
    "10GiB, 10737418240",
    "10gib, 10737418240",
    "1kB, 1000",
    "1KiB, 1024",
    "1.5TiB, 1649267441664",
    "2PiB, 2251799813685248",
    "' 7 MiB ', 7340032",
    "0.5KiB, 512",
    "1.0001KB, 1000"
  })
  void shouldParseSizes(String text, long bytes) throws ConfigException {
    assertEquals(bytes, ByteSize.parse("quota", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GiB", "-1GiB", "10 GiBs", "1e9", "1,5GiB", "ten", "10 GB x"})
  void shouldRefuseNonSizesWithAClearMessage(String text) {
    ConfigException e = assertThrows(ConfigException.class, () -> ByteSize.parse("quota", text));
    assertTrue(e.getMessage().startsWith("quota: "), e.getMessage());
  }

  @Test
  void shouldNameTheUnitsWhenTheUnitIsUnknown() {
    ConfigException e = assertThrows(ConfigException.class, () -> ByteSize.parse("quota", "3 GX"));
    assertTrue(e.getMessage().contains("unknown unit 'GX'"), e.getMessage());
    assertTrue(e.getMessage().contains("GiB"), e.getMessage());
  }

  @Test
  void shouldRefuseSizesBeyondALong() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ByteSize.parse("quota", "9000PiB"));
    assertTrue(e.getMessage().contains("2^63-1"), e.getMessage());
  }

  @Test
  void shouldRoundTripFormattedSizes() throws ConfigException {
    Random r = new Random(42);
    for (int i = 0; i < 1000; i++) {
      long v = r.nextLong(1L << 52) << r.nextInt(10);
      assertEquals(v, ByteSize.parse("x", ByteSize.format(v)), "seed 42, value " + v);
    }
    assertEquals("10GiB", ByteSize.format(10L << 30));
    assertEquals("1000B", ByteSize.format(1000));
  }
}
