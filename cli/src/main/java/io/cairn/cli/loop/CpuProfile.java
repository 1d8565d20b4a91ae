/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where the CPU went during a benchmark phase, per process side (client, nodes) and per stage, read
 * from the kernel's per-thread accounting ({@code /proc/PID/task/TID/stat}) and attributed by
 * thread name: the JIT compilers, RocksDB's flush and compaction threads, Netty's event loops, the
 * pipeline workers, the virtual threads' carriers (request handlers, stream reads and writes), GC.
 * A poller reads every thread every 100 ms and keeps the last value of threads that ended, so
 * short-lived workers are counted. Linux only; elsewhere {@link #available()} is false.
 */
final class CpuProfile implements AutoCloseable {
  private static final Path PROC = Path.of("/proc");

  /** USER_HZ: the unit of utime and stime in {@code /proc}, 100 on every Linux build in use. */
  private static final double TICKS_PER_SECOND = 100;

  private record Key(String side, long pid, long tid) {}

  private record Seen(String stage, long ticks) {}

  private final Supplier<Map<Long, String>> processes;
  private final Map<Key, Seen> last = new HashMap<>();
  private final Thread poller;
  private volatile boolean running = true;

  /**
   * @param processes the processes to watch now, pid to side ({@code client} or {@code nodes});
   *     asked at every poll, so nodes that restart are followed
   */
  CpuProfile(Supplier<Map<Long, String>> processes) {
    this.processes = processes;
    this.poller =
        Thread.ofPlatform()
            .daemon()
            .name("cairn-bench-cpu")
            .start(
                () -> {
                  while (running) {
                    poll();
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  static boolean available() {
    return Files.isDirectory(PROC.resolve("self").resolve("task"));
  }

  private void poll() {
    Map<Key, Seen> now = new HashMap<>();
    for (Map.Entry<Long, String> p : processes.get().entrySet()) {
      Path tasks = PROC.resolve(Long.toString(p.getKey())).resolve("task");
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
        for (Path t : ds) {
          read(t.resolve("stat"))
              .ifPresent(
                  s ->
                      now.put(
                          new Key(
                              p.getValue(), p.getKey(), Long.parseLong(t.getFileName().toString())),
                          s));
        }
      } catch (IOException | RuntimeException e) {
        // The process ended between listing and reading: its last values stay.
      }
    }
    synchronized (last) {
      last.putAll(now);
    }
  }

  private static java.util.Optional<Seen> read(Path stat) {
    try {
      String s = Files.readString(stat);
      int open = s.indexOf('(');
      int close = s.lastIndexOf(')');
      String name = s.substring(open + 1, close);
      String[] f = s.substring(close + 2).split(" ");
      // Fields after the name: state(3) ... utime(14) stime(15), so indices 11 and 12 here.
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return java.util.Optional.of(new Seen(stage(name), ticks));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /** The stage a thread's work belongs to, from its name. */
  static String stage(String thread) {
    if (thread.contains("CompilerThre")) {
      return "JIT compiler";
    }
    if (thread.startsWith("rocksdb:high")) {
      return "RocksDB flush";
    }
    if (thread.startsWith("rocksdb:low")) {
      return "RocksDB compaction";
    }
    if (thread.startsWith("multiThreadIo") || thread.startsWith("nioEventLoop")) {
      return "Netty event loops";
    }
    if (thread.startsWith("cairn-encode") || thread.startsWith("cairn-decode")) {
      return "pipeline workers";
    }
    if (thread.startsWith("ForkJoinPool")) {
      return "virtual threads";
    }
    if (thread.startsWith("GC ")
        || thread.startsWith("G1 ")
        || thread.startsWith("VM ")
        || thread.startsWith("ZGC")) {
      return "GC and VM";
    }
    if (thread.equals("java") || thread.equals("main")) {
      return "main thread";
    }
    return "other";
  }

  /** A point in time to measure from. */
  Map<Key, Seen> mark() {
    poll();
    synchronized (last) {
      return new HashMap<>(last);
    }
  }

  /** CPU seconds since {@code from}, by side and stage, largest first within each side. */
  Map<String, Map<String, Double>> since(Map<Key, Seen> from) {
    Map<Key, Seen> to = mark();
    Map<String, Map<String, Double>> out = new TreeMap<>();
    for (Map.Entry<Key, Seen> e : to.entrySet()) {
      long before = from.containsKey(e.getKey()) ? from.get(e.getKey()).ticks() : 0;
      double s = (e.getValue().ticks() - before) / TICKS_PER_SECOND;
      if (s > 0) {
        out.computeIfAbsent(e.getKey().side(), k -> new TreeMap<>())
            .merge(e.getValue().stage(), s, Double::sum);
      }
    }
    Map<String, Map<String, Double>> sorted = new LinkedHashMap<>();
    out.forEach(
        (side, stages) -> {
          List<Map.Entry<String, Double>> l = new ArrayList<>(stages.entrySet());
          l.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
          Map<String, Double> m = new LinkedHashMap<>();
          l.forEach(x -> m.put(x.getKey(), x.getValue()));
          sorted.put(side, m);
        });
    return sorted;
  }

  /**
   * One line: each side's CPU seconds by stage, and what bounds the phase: the CPU (then its
   * largest stage) when the cores were nearly all busy, else waiting.
   */
  static String describe(Map<String, Map<String, Double>> bySide, double wallSeconds, int cores) {
    StringBuilder b = new StringBuilder();
    double total = 0;
    String top = null;
    double topSeconds = 0;
    for (Map.Entry<String, Map<String, Double>> side : bySide.entrySet()) {
      double sum = side.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
      total += sum;
      b.append(b.isEmpty() ? "" : "; ")
          .append(side.getKey())
          .append(String.format(Locale.ROOT, " %.1f s:", sum));
      for (Map.Entry<String, Double> st : side.getValue().entrySet()) {
        if (st.getValue() >= 0.05) {
          b.append(String.format(Locale.ROOT, " %s %.1f", st.getKey(), st.getValue()));
        }
        if (st.getValue() > topSeconds) {
          topSeconds = st.getValue();
          top = side.getKey() + " " + st.getKey();
        }
      }
    }
    double busy = total / wallSeconds / cores;
    String bound =
        busy >= 0.85 && top != null
            ? String.format(
                Locale.ROOT,
                "bound by CPU (%.0f%% of %d cores busy); largest stage: %s, %.0f%% of the CPU used",
                100 * busy,
                cores,
                top,
                100 * topSeconds / total)
            : String.format(
                Locale.ROOT,
                "not bound by CPU (%.0f%% of %d cores busy): waiting on the network, disk or a"
                    + " lock",
                100 * busy,
                cores);
    return bound + " -- " + b;
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
  }
}
