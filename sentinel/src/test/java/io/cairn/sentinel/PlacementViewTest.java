/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlacementViewTest {
  private static PlacementView view(double share) {
    TreeMap<String, PlacementView.Standing> m = new TreeMap<>();
    m.put("good1", PlacementView.Standing.PREFERRED);
    m.put("good2", PlacementView.Standing.PREFERRED);
    m.put("new1", PlacementView.Standing.VETTING);
    m.put("slow1", PlacementView.Standing.SUSPECT);
    m.put("bad1", PlacementView.Standing.EXCLUDED);
    return new PlacementView("fp", share, m);
  }

  @Test
  void shouldDeriveStandingsFromTheSentinel() {
    StubTimeSource clock = new StubTimeSource();
    Sentinel s = new Sentinel(Policy.defaults().with("vetting.audits", 1), clock);
    s.record(new Evidence.AuditPassed("vetted", clock.millis(), "s", 50));
    s.record(new Evidence.LatencySample("fresh", clock.millis(), 50));
    for (int i = 0; i < 10; i++) {
      s.record(new Evidence.LatencySample("slow", clock.millis() + i, 5_000));
    }
    s.record(new Evidence.CorruptData("liar", clock.millis(), "s"));
    PlacementView v = s.placementView();
    assertEquals(
        Map.of(
            "vetted", PlacementView.Standing.PREFERRED,
            "fresh", PlacementView.Standing.VETTING,
            "slow", PlacementView.Standing.SUSPECT,
            "liar", PlacementView.Standing.EXCLUDED),
        v.standings());
    assertEquals(Set.of("liar"), v.excluded());
    assertEquals(Set.of("fresh", "slow"), v.deprioritised());
    assertEquals(PlacementView.Standing.VETTING, v.standing("never-seen"));
    assertEquals(s.policy().fingerprint(), v.policyFingerprint());
  }

  @Test
  void shouldDropExcludedAndRankSuspectLast() {
    List<String> ranked = List.of("slow1", "bad1", "new1", "good2", "unknown", "good1");
    assertEquals(
        List.of("good2", "good1", "new1", "unknown", "slow1"), view(0).order(ranked, "bafkX"));
    assertEquals(
        List.of("new1", "good2", "unknown", "good1", "slow1"), view(1).order(ranked, "bafkX"));
  }

  @Test
  void shouldGiveVettingNodesTheirShareDeterministically() {
    PlacementView v = view(0.05);
    int first = 0;
    int keys = 20_000;
    for (int i = 0; i < keys; i++) {
      List<String> order = v.order(List.of("new1", "good1"), "key" + i);
      assertEquals(order, v.order(List.of("new1", "good1"), "key" + i));
      if (order.getFirst().equals("new1")) {
        first++;
      }
    }
    double share = first / (double) keys;
    assertTrue(share > 0.04 && share < 0.06, "share " + share);
    int kept = 0;
    for (int i = 0; i < keys; i++) {
      if (!v.deprioritised("file" + i).contains("new1")) {
        kept++;
      }
      assertTrue(v.deprioritised("file" + i).contains("slow1"));
    }
    assertTrue(Math.abs(kept / (double) keys - 0.05) < 0.01, "kept " + kept);
  }

  @Test
  void shouldRejectDuplicateCandidates() {
    assertThrows(
        IllegalArgumentException.class, () -> view(0).order(List.of("good1", "good1"), "k"));
  }

  @Test
  void shouldFingerprintTheWholeView() {
    assertEquals(view(0.05).fingerprint(), view(0.05).fingerprint());
    assertNotEquals(view(0.05).fingerprint(), view(0.06).fingerprint());
    TreeMap<String, PlacementView.Standing> m = new TreeMap<>(view(0.05).standings());
    m.put("good1", PlacementView.Standing.SUSPECT);
    assertNotEquals(view(0.05).fingerprint(), new PlacementView("fp", 0.05, m).fingerprint());
    assertEquals(16, view(0).fingerprint().length());
  }
}
