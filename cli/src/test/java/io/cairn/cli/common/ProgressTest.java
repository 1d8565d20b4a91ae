/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long MS = 1_000_000L;

  /** A clock the test moves by hand. */
  private static final class FakeClock {
    final AtomicLong nanos = new AtomicLong(5_000 * MS);

    long now() {
      return nanos.get();
    }

    void advanceMillis(long ms) {
      nanos.addAndGet(ms * MS);
    }
  }

  @Test
  void shouldFormatBarWithPercentSizesRateAndEta() {
    // 12.5 MB of 50 MB after 2.5 s: 5 MB/s, 37.5 MB left, 7.5 s.
    String line = Progress.barLine("upload a.bin", 12_500_000, 50_000_000, 2_500 * MS);
    assertEquals(
        "upload a.bin [======>                 ]  25%  12.5 MB / 50.0 MB  5.0 MB/s  ETA 0:08",
        line);
  }

  @Test
  void shouldFormatCompleteAndEmptyTotals() {
    assertEquals(
        "x [========================] 100%  1.0 kB / 1.0 kB  1.0 MB/s  ETA 0:00",
        Progress.barLine("x", 1000, 1000, MS));
    assertEquals(
        "[========================] 100%  0 B / 0 B  0.0 MB/s  ETA 0:00",
        Progress.barLine("", 0, 0, MS));
  }

  @Test
  void shouldShowDashesBeforeTimeHasPassed() {
    assertEquals(
        "x [>                       ]   0%  0 B / 2.0 MB  -- MB/s  ETA --:--",
        Progress.barLine("x", 0, 2_000_000, 0));
  }

  @Test
  void shouldShowBytesAndRateWithoutATotal() {
    assertEquals("get 3.0 MB  1.5 MB/s", Progress.barLine("get", 3_000_000, -1, 2_000 * MS));
  }

  @Test
  void shouldFormatLongEtaWithHours() {
    // 1 MB/s with 3,723 MB left: 1:02:03.
    assertTrue(
        Progress.barLine("x", 1_000_000, 3_724_000_000L, 1_000 * MS).endsWith("ETA 1:02:03"));
  }

  @Test
  void shouldFormatByteCountsInDecimalUnits() {
    assertEquals("0 B", Progress.bytes(0));
    assertEquals("999 B", Progress.bytes(999));
    assertEquals("1.0 kB", Progress.bytes(1000));
    assertEquals("1.5 kB", Progress.bytes(1500));
    assertEquals("1.0 MB", Progress.bytes(999_999));
    assertEquals("4.2 GB", Progress.bytes(4_200_000_000L));
    assertEquals("9.2 EB", Progress.bytes(Long.MAX_VALUE));
  }

  @Test
  void shouldFormatDurations() {
    assertEquals("0:00", Progress.duration(0));
    assertEquals("0:59", Progress.duration(59));
    assertEquals("1:00", Progress.duration(60));
    assertEquals("59:59", Progress.duration(3599));
    assertEquals("1:00:00", Progress.duration(3600));
  }

  @Test
  void shouldRedrawAtMostTenTimesASecond() {
    FakeClock clock = new FakeClock();
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink), "up", 1_000_000, clock::now);
    for (int i = 0; i < 100; i++) { // 100 updates over 1 s: one every 10 ms
      clock.advanceMillis(10);
      p.advance(10_000);
    }
    long redraws = sink.toString().chars().filter(c -> c == '\r').count();
    assertEquals(10, redraws, sink.toString());
  }

  @Test
  void shouldEndWithASummaryLineThatCoversTheBar() {
    FakeClock clock = new FakeClock();
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink), "upload a.bin", 4_000_000, clock::now);
    clock.advanceMillis(500);
    p.advance(1_000_000);
    clock.advanceMillis(1500);
    p.advance(3_000_000);
    p.finish();
    p.finish(); // idempotent
    String text = sink.toString();
    String last = text.substring(text.lastIndexOf('\r') + 1);
    assertTrue(last.startsWith("upload a.bin: 4.0 MB in 2.0 s (2.0 MB/s)"), last);
    assertTrue(last.endsWith("\n") || last.endsWith(System.lineSeparator()), last);
    String bar = text.substring(text.indexOf('\r') + 1, text.indexOf('\r', 1));
    // The summary is padded with spaces to the length of the longest line drawn before it.
    assertTrue(last.stripTrailing().length() <= bar.length(), text);
    assertEquals(bar.length(), last.replace(System.lineSeparator(), "").length(), text);
  }

  @Test
  void shouldEraseTheBarWhenClosedWithoutFinishing() {
    FakeClock clock = new FakeClock();
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink), "x", 100, clock::now);
    clock.advanceMillis(200);
    p.advance(50);
    p.close();
    String text = sink.toString();
    assertTrue(text.endsWith("\r"), text);
    assertFalse(text.contains("\n"), text);
    p.advance(50); // after close: counted, not drawn
    assertEquals(text, sink.toString());
  }

  @Test
  void shouldDrawNothingWhenDisabled() {
    Progress p = Progress.disabled();
    p.advance(5);
    p.finish();
    p.close();
    assertFalse(p.enabled());
    assertEquals(5, p.done());
  }
}
