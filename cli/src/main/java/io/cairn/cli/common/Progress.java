/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn in place:
 *
 * <pre>
 * upload notes.iso [=========&gt;              ]  38%  1.2 GB / 3.1 GB  84.2 MB/s  ETA 0:23
 * </pre>
 *
 * then, on {@link #finish()}, a final line such as {@code upload notes.iso: 3.1 GB in 37.0 s (84.0
 * MB/s)}. Units are decimal (1 MB = 10^6 bytes). Without a known total it shows bytes and rate
 * only. Redraws are throttled to {@value #MAX_REDRAWS_PER_SECOND} a second, so {@link #advance} can
 * be called for every buffer from any number of threads. A disabled progress (stderr not a
 * terminal, {@code --quiet}) draws nothing and costs an atomic add.
 *
 * <p>Get one from {@link ProgressOptions#start}; tests construct it with a fake clock.
 */
public final class Progress implements AutoCloseable {
  /** At most this many redraws a second. */
  public static final int MAX_REDRAWS_PER_SECOND = 10;

  static final long REDRAW_INTERVAL_NANOS = 1_000_000_000L / MAX_REDRAWS_PER_SECOND;
  static final int BAR_WIDTH = 24;

  private final PrintWriter out;
  private final String label;
  private final long total;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final AtomicLong done = new AtomicLong();
  private long nextDrawNanos;
  private int lastLength;
  private boolean ended;

  /**
   * @param out where to draw, or {@code null} to draw nothing
   * @param label what is in progress, e.g. {@code "upload notes.iso"}
   * @param totalBytes the expected total, or -1 if unknown
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  Progress(PrintWriter out, String label, long totalBytes, LongSupplier nanoClock) {
    this.out = out;
    this.label = Objects.requireNonNull(label, "label");
    this.total = totalBytes < 0 ? -1 : totalBytes;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.startNanos = nanoClock.getAsLong();
    this.nextDrawNanos = startNanos;
  }

  /** A progress that draws on {@code err}, timed by {@link System#nanoTime()}. */
  public static Progress drawing(PrintWriter err, String label, long totalBytes) {
    return new Progress(Objects.requireNonNull(err, "err"), label, totalBytes, System::nanoTime);
  }

  /** A progress that draws nothing. */
  public static Progress disabled() {
    return new Progress(null, "", -1, () -> 0L);
  }

  /** Whether this progress draws anything. */
  public boolean enabled() {
    return out != null;
  }

  /** Counts {@code bytes} more as done and redraws if the last redraw is old enough. */
  public void advance(long bytes) {
    long now = done.addAndGet(bytes);
    if (out != null) {
      maybeDraw(now);
    }
  }

  /** Bytes counted so far. */
  public long done() {
    return done.get();
  }

  /** Draws the final line (label, bytes, time, rate) and ends the bar. Idempotent. */
  public void finish() {
    if (out == null) {
      return;
    }
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      long elapsed = nanoClock.getAsLong() - startNanos;
      replaceLine(summaryLine(label, done.get(), elapsed));
      out.println();
      out.flush();
    }
  }

  /** Without {@link #finish()} (a failure): erases the bar so the error message starts clean. */
  @Override
  public void close() {
    if (out == null) {
      return;
    }
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      if (lastLength > 0) {
        out.print('\r' + " ".repeat(lastLength) + '\r');
        out.flush();
      }
    }
  }

  private void maybeDraw(long doneBytes) {
    long now = nanoClock.getAsLong();
    synchronized (this) {
      if (ended || now - nextDrawNanos < 0) {
        return;
      }
      nextDrawNanos = now + REDRAW_INTERVAL_NANOS;
      replaceLine(barLine(label, Math.max(doneBytes, done.get()), total, now - startNanos));
      out.flush();
    }
  }

  private void replaceLine(String line) {
    int pad = Math.max(0, lastLength - line.length());
    out.print('\r' + line + " ".repeat(pad));
    lastLength = line.length();
  }

  // ---------------------------------------------------------------- formatting (pure)

  /**
   * The bar line for {@code done} of {@code total} bytes (-1: unknown) after {@code elapsed} ns.
   */
  static String barLine(String label, long done, long total, long elapsedNanos) {
    StringBuilder b = new StringBuilder(96);
    if (!label.isEmpty()) {
      b.append(label).append(' ');
    }
    double rate = rate(done, elapsedNanos);
    if (total >= 0) {
      double fraction = total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
      b.append('[').append(bar(fraction)).append("] ");
      b.append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)));
      b.append("  ").append(bytes(done)).append(" / ").append(bytes(total));
      b.append("  ").append(rate(rate));
      b.append("  ETA ").append(eta(done, total, rate));
    } else {
      b.append(bytes(done)).append("  ").append(rate(rate));
    }
    return b.toString();
  }

  /** The final line: {@code label: 3.1 GB in 37.0 s (84.0 MB/s)}. */
  static String summaryLine(String label, long done, long elapsedNanos) {
    String prefix = label.isEmpty() ? "" : label + ": ";
    return prefix
        + bytes(done)
        + " in "
        + String.format(Locale.ROOT, "%.1f s", elapsedNanos / 1e9)
        + " ("
        + rate(rate(done, elapsedNanos))
        + ")";
  }

  private static String bar(double fraction) {
    int filled = (int) Math.floor(fraction * BAR_WIDTH);
    StringBuilder b = new StringBuilder(BAR_WIDTH);
    for (int i = 0; i < BAR_WIDTH; i++) {
      b.append(i < filled ? '=' : (i == filled ? '>' : ' '));
    }
    return b.toString();
  }

  /** Bytes per second, or NaN before any time has passed. */
  private static double rate(long done, long elapsedNanos) {
    return elapsedNanos <= 0 ? Double.NaN : done / (elapsedNanos / 1e9);
  }

  private static String rate(double bytesPerSecond) {
    if (Double.isNaN(bytesPerSecond)) {
      return "-- MB/s";
    }
    return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
  }

  private static String eta(long done, long total, double rate) {
    if (done >= total) {
      return "0:00";
    }
    if (Double.isNaN(rate) || rate <= 0) {
      return "--:--";
    }
    double seconds = (total - done) / rate;
    if (seconds >= 100 * 3600) {
      return "--:--";
    }
    return duration((long) Math.ceil(seconds));
  }

  /** {@code m:ss} below an hour, {@code h:mm:ss} from one. */
  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /**
   * A byte count in decimal units with one decimal: {@code 512 B}, {@code 1.5 kB}, {@code 3.1 GB}.
   */
  public static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double v = n;
    int u = -1;
    while (v >= 999.95 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
