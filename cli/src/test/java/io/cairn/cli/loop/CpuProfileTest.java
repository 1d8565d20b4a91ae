/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's CPU profile: thread names to stages, and the one-line verdict. */
class CpuProfileTest {
  @Test
  void shouldAttributeThreadsToStagesByName() {
    assertEquals("JIT compiler", CpuProfile.stage("C2 CompilerThre"));
    assertEquals("JIT compiler", CpuProfile.stage("C1 CompilerThre"));
    assertEquals("RocksDB flush", CpuProfile.stage("rocksdb:high"));
    assertEquals("RocksDB compaction", CpuProfile.stage("rocksdb:low"));
    assertEquals("Netty event loops", CpuProfile.stage("multiThreadIoEv"));
    assertEquals("pipeline workers", CpuProfile.stage("cairn-encode-1"));
    assertEquals("pipeline workers", CpuProfile.stage("cairn-decode-2"));
    assertEquals("virtual threads", CpuProfile.stage("ForkJoinPool-1-"));
    assertEquals("GC and VM", CpuProfile.stage("GC Thread#0"));
    assertEquals("main thread", CpuProfile.stage("java"));
    assertEquals("other", CpuProfile.stage("Signal Dispatch"));
  }

  @Test
  void shouldNameTheLargestStageWhenTheCoresWereBusy() {
    Map<String, Map<String, Double>> p = new LinkedHashMap<>();
    p.put("client", new LinkedHashMap<>(Map.of("pipeline workers", 3.0)));
    p.put("nodes", new LinkedHashMap<>(Map.of("virtual threads", 6.0, "JIT compiler", 1.0)));
    String line = CpuProfile.describe(p, 5.0, 2);
    assertTrue(
        line.startsWith(
            "bound by CPU (100% of 2 cores busy); largest stage: nodes virtual"
                + " threads, 60% of the CPU used"),
        line);
    assertTrue(line.contains("client 3.0 s: pipeline workers 3.0"), line);

    String idle = CpuProfile.describe(p, 50.0, 2);
    assertTrue(idle.startsWith("not bound by CPU (10% of 2 cores busy)"), idle);
  }

  @Test
  void shouldMeasureThisJvmOnLinux() throws Exception {
    if (!CpuProfile.available()) {
      return;
    }
    try (CpuProfile p = new CpuProfile(() -> Map.of(ProcessHandle.current().pid(), "client"))) {
      var mark = p.mark();
      long x = 0;
      long end = System.nanoTime() + 300_000_000L;
      while (System.nanoTime() < end) {
        x = x * 31 + 7;
      }
      var used = p.since(mark);
      assertTrue(x != 0);
      assertTrue(used.containsKey("client"), "" + used);
      double total = used.get("client").values().stream().mapToDouble(Double::doubleValue).sum();
      assertTrue(total > 0, "" + used);
    }
  }
}
