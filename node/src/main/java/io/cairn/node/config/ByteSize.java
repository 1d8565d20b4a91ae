/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes written for people: {@code 10GiB}, {@code 500MB}, {@code 1.5 TiB}, {@code 4096}.
 * Units: {@code B}; decimal {@code kB KB MB GB TB PB} (powers of 1000); binary {@code KiB MiB GiB
 * TiB PiB} (powers of 1024). Units are case-insensitive except that {@code b} alone means bytes. A
 * fraction is allowed and rounded down to whole bytes.
 */
public final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*");
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("kb", 1000L),
          Map.entry("mb", 1000L * 1000),
          Map.entry("gb", 1000L * 1000 * 1000),
          Map.entry("tb", 1000L * 1000 * 1000 * 1000),
          Map.entry("pb", 1000L * 1000 * 1000 * 1000 * 1000),
          Map.entry("kib", 1L << 10),
          Map.entry("mib", 1L << 20),
          Map.entry("gib", 1L << 30),
          Map.entry("tib", 1L << 40),
          Map.entry("pib", 1L << 50));
  private static final int MAX_TEXT = 64;

  private ByteSize() {}

  /**
   * The number of bytes {@code text} denotes.
   *
   * @param what the setting's name, for the error message
   * @throws ConfigException naming {@code what}, the text and the accepted forms
   */
  public static long parse(String what, String text) throws ConfigException {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_TEXT) {
      throw new ConfigException(what + ": size text is longer than " + MAX_TEXT + " characters");
    }
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new ConfigException(
          what
              + ": '"
              + text
              + "' is not a size; write a number and an optional unit, such as 500MB, 10GiB or"
              + " 1.5TiB");
    }
    Long unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      throw new ConfigException(
          what
              + ": unknown unit '"
              + m.group(2)
              + "' in '"
              + text
              + "'; use B, kB, MB, GB, TB, PB (powers of 1000) or KiB, MiB, GiB, TiB, PiB"
              + " (powers of 1024)");
    }
    BigInteger bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).toBigInteger();
    if (bytes.bitLength() > 63) {
      throw new ConfigException(what + ": '" + text + "' is more than 2^63-1 bytes");
    }
    return bytes.longValueExact();
  }

  /** Shortest exact binary form: {@code 10GiB}, {@code 1536KiB}, {@code 1000B}. */
  public static String format(long bytes) {
    String[] units = {"PiB", "TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      long u = 1L << (10 * (5 - i));
      if (bytes != 0 && bytes % u == 0) {
        return bytes / u + units[i];
      }
    }
    return bytes + "B";
  }
}
