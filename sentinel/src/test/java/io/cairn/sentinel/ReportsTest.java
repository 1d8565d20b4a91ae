/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportsTest {
  @Test
  void shouldShowStateScoresAndReasons() throws Exception {
    StubTimeSource clock = new StubTimeSource();
    Sentinel s = new Sentinel(Policy.defaults(), clock);
    for (int i = 0; i < 10; i++) {
      clock.advanceMinutes(30);
      s.record(new Evidence.AuditPassed("good", clock.millis(), "s" + i, 70));
      s.record(new Evidence.AuditPassed("liar", clock.millis(), "s" + i, 70));
    }
    s.record(new Evidence.AuditFailed("liar", clock.millis(), "s99", AuditFailure.WRONG_HASH));
    String text = Reports.nodesText(s, clock.millis());
    assertTrue(text.startsWith("sentinel: 2 nodes, policy " + s.policy().fingerprint()), text);
    assertTrue(
        text.contains("HEALTHY 1, SUSPECT 0, QUARANTINED 1, DISQUALIFIED 0, vetting 2"), text);
    assertTrue(text.contains("liar  QUARANTINED  yes"), text);
    assertTrue(
        text.contains(
            "HEALTHY -> QUARANTINED (integrity): audit of s99 answered with a wrong hash"),
        text);
    JsonNode j = new ObjectMapper().readTree(Reports.nodesJson(s, clock.millis()));
    assertEquals(1, j.get("counts").get("QUARANTINED").asInt());
    JsonNode liar = j.get("nodes").get(1);
    assertEquals("liar", liar.get("node").asText());
    assertEquals("integrity", liar.get("concerns").get(0).asText());
    assertEquals(
        3.0,
        liar.get("transitions").get(0).get("figures").get("integrity.quarantineAbove").asDouble());
  }

  @Test
  void shouldReportAnEmptySentinel() {
    String text = Reports.nodesText(new Sentinel(Policy.defaults(), new StubTimeSource()), 0);
    assertTrue(text.startsWith("sentinel: 0 nodes"), text);
  }
}
