/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The trace of one run as the CLI keeps it: every event except the routine ones (a shard placed, a
 * shard stored on its planned peer, a pass), as one line each for people and as {@link Line}
 * records for the report. Placement decisions are in the report's per-shard placement instead. At
 * most {@value #MAX_KEPT} events are kept; the rest are counted.
 *
 * <p>Thread-safe: the engines record from many threads.
 */
public final class TraceLog implements Trace {
  /** Most events kept for the report; a run with more counts the rest in {@link #dropped()}. */
  public static final int MAX_KEPT = 10_000;

  /**
   * One notable event.
   *
   * @param event its kind: {@code shard_rejected}, {@code fetch_failed}, {@code
   *     fetched_from_fallback}, {@code shard_unavailable}, {@code segment_reconstructed}, {@code
   *     store_failed}, {@code stored_on_fallback}, {@code audit_failed}
   * @param segment the segment
   * @param index the shard's index, or -1 for a segment event
   * @param cid the shard's CID, or null
   * @param peer the node concerned, or null
   * @param detail what happened, for people
   */
  public record Line(
      String event, long segment, int index, String cid, String peer, String detail) {
    public Line {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(detail, "detail");
    }

    /** One line for people. */
    public String text() {
      String where =
          index < 0
              ? "segment " + segment
              : "segment " + segment + " shard " + index + (cid == null ? "" : " " + cid);
      return where
          + ": "
          + event.replace('_', ' ')
          + (peer == null ? "" : " (" + peer + ")")
          + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private long dropped;
  private int rejected;
  private int reconstructed;
  private int fallbacks;

  @Override
  public void record(TraceEvent event) {
    Line line =
        switch (event) {
          case TraceEvent.ShardPlaced p -> null;
          case TraceEvent.ShardStored s ->
              s.fallback()
                  ? new Line(
                      "stored_on_fallback",
                      s.segment(),
                      s.index(),
                      s.cid().toString(),
                      s.peer().toString(),
                      "after " + (s.attempt() - 1) + " failed attempt(s)")
                  : null;
          case TraceEvent.StoreAttemptFailed f ->
              new Line(
                  "store_failed",
                  f.segment(),
                  f.index(),
                  f.cid().toString(),
                  f.peer().toString(),
                  f.reason());
          case TraceEvent.ShardRejected r ->
              new Line(
                  "shard_rejected",
                  r.segment(),
                  r.index(),
                  r.cid().toString(),
                  r.source(),
                  r.reason());
          case TraceEvent.ShardReleased r ->
              new Line(
                  r.released() ? "shard_released" : "shard_release_failed",
                  r.segment(),
                  r.index(),
                  r.cid().toString(),
                  r.peer().toString(),
                  r.released()
                      ? "deleted again: no manifest names this copy"
                      : "could not be deleted: " + r.detail());
          case TraceEvent.FetchAttemptFailed f ->
              new Line(
                  "fetch_failed",
                  f.segment(),
                  f.index(),
                  f.cid().toString(),
                  f.peer().toString(),
                  f.reason());
          case TraceEvent.ShardFetched f ->
              new Line(
                  "fetched_from_fallback",
                  f.segment(),
                  f.index(),
                  f.cid().toString(),
                  f.peer().toString(),
                  "attempt "
                      + f.attempt()
                      + (f.fromPlacement()
                          ? ", a peer of the shard's placement"
                          : ", a deterministic fallback peer"));
          case TraceEvent.ShardUnavailable u ->
              new Line(
                  "shard_unavailable",
                  u.segment(),
                  u.index(),
                  u.cid().toString(),
                  null,
                  u.reason());
          case TraceEvent.SegmentReconstructed r ->
              new Line(
                  "segment_reconstructed",
                  r.segment(),
                  -1,
                  null,
                  null,
                  "rebuilt data shard(s) " + r.missing() + " from shards " + r.used());
          case TraceEvent.ShardAudited a ->
              a.outcome().equals("PASS")
                  ? null
                  : new Line(
                      "audit_" + a.outcome().toLowerCase(Locale.ROOT),
                      a.segment(),
                      a.index(),
                      a.cid().toString(),
                      a.peer().toString(),
                      "round " + a.round() + (a.detail().isEmpty() ? "" : ": " + a.detail()));
        };
    if (line == null) {
      return;
    }
    synchronized (this) {
      switch (line.event()) {
        case "shard_rejected" -> rejected++;
        case "segment_reconstructed" -> reconstructed++;
        case "fetched_from_fallback", "stored_on_fallback" -> fallbacks++;
        default -> {}
      }
      if (lines.size() < MAX_KEPT) {
        lines.add(line);
      } else {
        dropped++;
      }
    }
  }

  private static int rank(Line l) {
    return switch (l.event()) {
      case "shard_rejected", "shard_unavailable", "segment_reconstructed" -> 0;
      case "fetch_failed", "store_failed" -> 2;
      default -> l.event().startsWith("audit_") ? 0 : 1;
    };
  }

  /** The notable events kept, in the order they happened. */
  public synchronized List<Line> lines() {
    return List.copyOf(lines);
  }

  /** Events beyond {@link #MAX_KEPT}, not kept. */
  public synchronized long dropped() {
    return dropped;
  }

  public synchronized int rejected() {
    return rejected;
  }

  public synchronized int reconstructed() {
    return reconstructed;
  }

  public synchronized int fallbacks() {
    return fallbacks;
  }

  /**
   * Prints a one-line count of the events by kind, then up to {@code max} of them, prefixed {@code
   * cairn: trace:}, then how many more there are.
   */
  public void print(PrintWriter err, int max) {
    List<Line> all = lines();
    if (all.isEmpty()) {
      return;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Line l : all) {
      counts.merge(l.event().replace('_', ' '), 1, Integer::sum);
    }
    StringBuilder summary = new StringBuilder("cairn: trace: ");
    String sep = "";
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      summary.append(sep).append(e.getValue()).append(" x ").append(e.getKey());
      sep = ", ";
    }
    err.println(summary);
    // What people need first: bad data, lost shards, rebuilds, failed audits; then the retries.
    List<Line> ordered = new java.util.ArrayList<>(all);
    ordered.sort(java.util.Comparator.comparingInt(TraceLog::rank));
    int n = Math.min(max, ordered.size());
    for (int i = 0; i < n; i++) {
      err.println("cairn: trace: " + ordered.get(i).text());
    }
    long more = all.size() - n + dropped();
    if (more > 0) {
      err.println("cairn: trace: ... and " + more + " more (see --report)");
    }
    err.flush();
  }
}
