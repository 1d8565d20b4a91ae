/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.sentinel.internal.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evidence as JSON, one object per line ("JSON lines"): the format of recorded evidence files that
 * {@link DryRun} replays and of the evidence kept in the state file.
 *
 * <pre>{@code
 * {"type":"audit-passed","node":"12D3KooW…","at":1767225600000,"shard":"bafkrei…","latencyMillis":84}
 * {"type":"audit-failed","node":"12D3KooW…","at":1767229200000,"shard":"bafkrei…","failure":"WRONG_HASH"}
 * {"type":"audit-timed-out","node":"…","at":…,"shard":"…"}
 * {"type":"retrieval-succeeded","node":"…","at":…,"shard":"…","latencyMillis":120}
 * {"type":"retrieval-failed","node":"…","at":…,"shard":"…","failure":"NOT_FOUND|REFUSED|ERROR"}
 * {"type":"corrupt-data","node":"…","at":…,"shard":"…"}
 * {"type":"bad-signature","node":"…","at":…,"message":"RECEIPT|RETRIEVAL_PROOF|AUDIT_RESPONSE"}
 * {"type":"latency","node":"…","at":…,"latencyMillis":95}
 * {"type":"unreachable","node":"…","at":…}
 * }</pre>
 *
 * <p>{@code at} is epoch milliseconds. Blank lines and lines starting with {@code #} are skipped.
 * Unknown types or fields, missing fields and bad values are errors naming the line.
 */
public final class EvidenceCodec {
  /** Longest line accepted. */
  public static final int MAX_LINE_CHARS = 4096;

  private EvidenceCodec() {}

  /** One evidence object as a single line of JSON (no newline). */
  public static String toJson(Evidence e) {
    try {
      return Json.MAPPER.writeValueAsString(toTree(e));
    } catch (JacksonException x) {
      throw new IllegalStateException("cannot happen: evidence is plain values", x);
    }
  }

  static ObjectNode toTree(Evidence e) {
    ObjectNode o = Json.object();
    o.put("type", e.type());
    o.put("node", e.node());
    o.put("at", e.at());
    switch (e) {
      case Evidence.AuditPassed a -> {
        o.put("shard", a.shard());
        o.put("latencyMillis", a.latencyMillis());
      }
      case Evidence.AuditFailed a -> {
        o.put("shard", a.shard());
        o.put("failure", a.failure().name());
      }
      case Evidence.AuditTimedOut a -> o.put("shard", a.shard());
      case Evidence.RetrievalSucceeded r -> {
        o.put("shard", r.shard());
        o.put("latencyMillis", r.latencyMillis());
      }
      case Evidence.RetrievalFailed r -> {
        o.put("shard", r.shard());
        o.put("failure", r.failure().name());
      }
      case Evidence.CorruptData c -> o.put("shard", c.shard());
      case Evidence.BadSignature b -> o.put("message", b.message().name());
      case Evidence.LatencySample l -> o.put("latencyMillis", l.latencyMillis());
      case Evidence.Unreachable u -> {}
    }
    return o;
  }

  /**
   * Parses one line of JSON.
   *
   * @throws SentinelFormatException if it is not one valid evidence object
   */
  public static Evidence fromJson(String line) throws SentinelFormatException {
    return fromJson(line, "evidence");
  }

  private static Evidence fromJson(String line, String where) throws SentinelFormatException {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(line);
    } catch (JacksonException e) {
      throw new SentinelFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")");
    }
    return fromTree(tree, where);
  }

  private static final Set<String> SHARD_LATENCY =
      Set.of("type", "node", "at", "shard", "latencyMillis");
  private static final Set<String> SHARD_FAILURE = Set.of("type", "node", "at", "shard", "failure");
  private static final Set<String> SHARD = Set.of("type", "node", "at", "shard");
  private static final Set<String> MESSAGE = Set.of("type", "node", "at", "message");
  private static final Set<String> LATENCY = Set.of("type", "node", "at", "latencyMillis");
  private static final Set<String> BARE = Set.of("type", "node", "at");

  static Evidence fromTree(JsonNode o, String where) throws SentinelFormatException {
    if (o == null || !o.isObject()) {
      throw new SentinelFormatException(where + ": expected a JSON object");
    }
    String type = Json.text(o, "type", where);
    Set<String> fields =
        switch (type) {
          case "audit-passed", "retrieval-succeeded" -> SHARD_LATENCY;
          case "audit-failed", "retrieval-failed" -> SHARD_FAILURE;
          case "audit-timed-out", "corrupt-data" -> SHARD;
          case "bad-signature" -> MESSAGE;
          case "latency" -> LATENCY;
          case "unreachable" -> BARE;
          default ->
              throw new SentinelFormatException(
                  where
                      + ": unknown evidence type '"
                      + Json.clip(type)
                      + "' (expected audit-passed, audit-failed, audit-timed-out,"
                      + " retrieval-succeeded, retrieval-failed, corrupt-data, bad-signature,"
                      + " latency, unreachable)");
        };
    Json.checkFields(o, fields, where);
    String node = Json.text(o, "node", where);
    long at = Json.integer(o, "at", where);
    try {
      return switch (type) {
        case "audit-passed" ->
            new Evidence.AuditPassed(
                node, at, Json.text(o, "shard", where), Json.integer(o, "latencyMillis", where));
        case "audit-failed" ->
            new Evidence.AuditFailed(
                node,
                at,
                Json.text(o, "shard", where),
                Json.enumValue(o, "failure", AuditFailure.class, where));
        case "audit-timed-out" ->
            new Evidence.AuditTimedOut(node, at, Json.text(o, "shard", where));
        case "retrieval-succeeded" ->
            new Evidence.RetrievalSucceeded(
                node, at, Json.text(o, "shard", where), Json.integer(o, "latencyMillis", where));
        case "retrieval-failed" ->
            new Evidence.RetrievalFailed(
                node,
                at,
                Json.text(o, "shard", where),
                Json.enumValue(o, "failure", RetrievalFailure.class, where));
        case "corrupt-data" -> new Evidence.CorruptData(node, at, Json.text(o, "shard", where));
        case "bad-signature" ->
            new Evidence.BadSignature(
                node, at, Json.enumValue(o, "message", SignedMessage.class, where));
        case "latency" ->
            new Evidence.LatencySample(node, at, Json.integer(o, "latencyMillis", where));
        case "unreachable" -> new Evidence.Unreachable(node, at);
        default -> throw new IllegalStateException("type checked above: " + type);
      };
    } catch (IllegalArgumentException e) {
      throw new SentinelFormatException(where + ": " + e.getMessage());
    }
  }

  /** Writes each piece of evidence as one JSON line. */
  public static void write(Iterable<? extends Evidence> evidence, Writer out) throws IOException {
    for (Evidence e : evidence) {
      out.write(toJson(e));
      out.write('\n');
    }
    out.flush();
  }

  /**
   * Reads JSON lines.
   *
   * @param maxEvents the most events accepted
   * @throws SentinelFormatException naming the line of the first bad one, a line over {@value
   *     #MAX_LINE_CHARS} characters, or more than {@code maxEvents} events
   */
  public static List<Evidence> read(Reader in, int maxEvents)
      throws IOException, SentinelFormatException {
    List<Evidence> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineNo = 0;
    boolean more = true;
    while (more) {
      line.setLength(0);
      int c;
      while ((c = in.read()) != -1 && c != '\n') {
        if (line.length() >= MAX_LINE_CHARS) {
          throw new SentinelFormatException(
              "evidence line " + (lineNo + 1) + ": longer than " + MAX_LINE_CHARS + " characters");
        }
        line.append((char) c);
      }
      more = c != -1;
      lineNo++;
      String s = line.toString().strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      if (out.size() >= maxEvents) {
        throw new SentinelFormatException(
            "evidence line " + lineNo + ": more than " + maxEvents + " events");
      }
      out.add(fromJson(s, "evidence line " + lineNo));
    }
    return out;
  }

  /** {@link #toJson} for a whole list, one event per line. */
  public static String toJsonLines(List<? extends Evidence> evidence) {
    StringBuilder sb = new StringBuilder();
    for (Evidence e : evidence) {
      sb.append(toJson(e)).append('\n');
    }
    return sb.toString();
  }
}
