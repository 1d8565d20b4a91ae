/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dry-run shown on a recorded evidence file: {@code recorded-evidence.jsonl} (20 nodes over 3
 * days, recorded with {@code cairn sentinel simulate --seed 7 --nodes 20 --days 3 --record FILE})
 * replayed under the defaults and under {@code candidate-policy.properties}. The expected report is
 * {@code dry-run-expected.txt}; after a deliberate change of the engine, regenerate it with {@code
 * cairn sentinel dry-run --evidence … --policy …} and review the difference.
 */
class DryRunTest {
  private static Reader resource(String name) {
    InputStream in = DryRunTest.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " not on the class path");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static List<Evidence> recorded() throws Exception {
    try (Reader r = resource("recorded-evidence.jsonl")) {
      return EvidenceCodec.read(r, 100_000);
    }
  }

  private static Policy candidate() throws Exception {
    try (Reader r = resource("candidate-policy.properties")) {
      return Policy.parse(r);
    }
  }

  private static String expected() throws IOException {
    try (Reader r = resource("dry-run-expected.txt")) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[4096];
      int n;
      while ((n = r.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    }
  }

  @Test
  void shouldShowWhichNodesAPolicyChangeWouldMove() throws Exception {
    DryRun.Report report = DryRun.compare(recorded(), Policy.defaults(), candidate());
    assertEquals(2538, report.events());
    assertEquals(20, report.nodes());
    assertEquals(
        List.of(
            "audit.disqualifyProofs",
            "integrity.quarantineAbove",
            "latency.slowAboveMillis",
            "latency.slowReleaseBelowMillis"),
        report.policyChanges().stream().map(DryRun.PolicyChange::key).toList());
    Map<String, DryRun.NodeChange> byNode =
        report.changes().stream().collect(Collectors.toMap(DryRun.NodeChange::node, c -> c));
    assertEquals(
        List.of("n00000", "n00006", "n00016", "n00017"),
        List.copyOf(byNode.keySet()).stream().sorted().toList());
    // A slow node (1.3 s typical) becomes suspect under the 800 ms slow line.
    DryRun.NodeChange slow = byNode.get("n00006");
    assertEquals(NodeState.HEALTHY, slow.baselineState());
    assertEquals(NodeState.SUSPECT, slow.candidateState());
    assertEquals("slow", slow.candidateReason().cause());
    // An evader is still quarantined, but only after its third evasion, almost a day later.
    DryRun.NodeChange evader = byNode.get("n00016");
    assertEquals(NodeState.QUARANTINED, evader.baselineWorst());
    assertEquals(NodeState.QUARANTINED, evader.candidateWorst());
    assertTrue(evader.candidateWorstAt() - evader.baselineWorstAt() > 20 * 3_600_000L);
    assertEquals(expected(), report.toText());
  }

  @Test
  void shouldReportNoChangeForTheSamePolicy() throws Exception {
    DryRun.Report report = DryRun.compare(recorded(), Policy.defaults(), Policy.defaults());
    assertEquals(List.of(), report.changes());
    assertEquals(List.of(), report.policyChanges());
    assertEquals(report.baselineCounts(), report.candidateCounts());
    assertTrue(report.toText().contains("policy changes: none"), report.toText());
  }

  @Test
  void shouldWriteJson() throws Exception {
    DryRun.Report report = DryRun.compare(recorded(), Policy.defaults(), candidate());
    JsonNode j = new ObjectMapper().readTree(report.toJson());
    assertEquals(2538, j.get("events").asInt());
    assertEquals(4, j.get("changes").size());
    assertEquals("n00000", j.get("changes").get(0).get("node").asText());
    assertTrue(
        j.get("changes")
            .get(0)
            .get("candidateReason")
            .get("reason")
            .asText()
            .contains("integrity"));
    assertEquals(2, j.get("finalStates").get("SUSPECT").get("baseline").asInt());
  }

  @Test
  void shouldHandleNoEvidence() {
    DryRun.Report report = DryRun.compare(List.of(), Policy.defaults(), Policy.defaults());
    assertEquals(0, report.events());
    assertTrue(report.toText().startsWith("dry-run: 0 events about 0 nodes"), report.toText());
  }
}
