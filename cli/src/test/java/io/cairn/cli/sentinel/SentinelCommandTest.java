/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SentinelCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new Main())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void shouldPrintAFullSimulationReportThroughMain() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = Main.run("sentinel", "simulate", "--seed", "1", "--nodes", "200", "--days", "5");
    } finally {
      System.setOut(saved);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    assertTrue(text.startsWith("sentinel simulation: seed 1, 200 nodes, 5 days"), text);
    for (String s :
        new String[] {
          "honest",
          "flaky",
          "slow",
          "dropper",
          "corrupter",
          "liar",
          "evader",
          "precision",
          "recall",
          "time from first fault to quarantine",
          "bar: no honest or merely slow node disqualified: PASS",
          "quarantined within 10 audits of their first fault: PASS"
        }) {
      assertTrue(text.contains(s), s + " missing from:\n" + text);
    }
  }

  @Test
  void shouldPrintJsonAndRecordEvidenceThatDryRunAndIngestRead() throws Exception {
    Path evidence = dir.resolve("ev.jsonl");
    Run sim =
        run(
            "sentinel",
            "simulate",
            "--seed",
            "3",
            "--nodes",
            "40",
            "--days",
            "3",
            "--json",
            "--record",
            evidence.toString());
    assertEquals(0, sim.code(), sim.err());
    assertTrue(sim.out().contains("\"precision\""), sim.out());
    assertTrue(Files.size(evidence) > 0);

    Path policy = dir.resolve("candidate.properties");
    Files.writeString(
        policy, "latency.slowAboveMillis = 500\nlatency.slowReleaseBelowMillis = 400\n");
    Run dry =
        run(
            "sentinel",
            "dry-run",
            "--evidence",
            evidence.toString(),
            "--policy",
            policy.toString());
    assertEquals(0, dry.code(), dry.err());
    assertTrue(dry.out().contains("latency.slowAboveMillis          2000 -> 500"), dry.out());
    assertTrue(dry.out().contains("(slow): "), dry.out());

    Path state = dir.resolve("state/sentinel.json");
    Run ingest =
        run(
            "sentinel",
            "ingest",
            "-q",
            "--evidence",
            evidence.toString(),
            "--state",
            state.toString());
    assertEquals(0, ingest.code(), ingest.err());
    assertTrue(ingest.out().contains("40 nodes known"), ingest.out());

    Run report = run("sentinel", "report", "--state", state.toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(report.out().startsWith("sentinel: 40 nodes, policy "), report.out());
    assertTrue(report.out().contains("QUARANTINED"), report.out());
    assertTrue(report.out().contains("(integrity): "), report.out());

    Run json = run("sentinel", "report", "--json", "--state", state.toString());
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().contains("\"transitions\""), json.out());

    // Dry-run over the kept evidence when no file is given.
    Run kept =
        run("sentinel", "dry-run", "--state", state.toString(), "--policy", policy.toString());
    assertEquals(0, kept.code(), kept.err());
    assertTrue(kept.out().startsWith("dry-run: "), kept.out());
  }

  @Test
  void shouldSaySoWhenThereIsNoStateYet() {
    Run r = run("sentinel", "report", "--state", dir.resolve("none.json").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("no sentinel state at "), r.out());
  }

  @Test
  void shouldFailClearlyOnBadInput() throws Exception {
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "audit.lamda = 0.9\n");
    Run r = run("sentinel", "policy", "--file", bad.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().contains("policy line 1: unknown key 'audit.lamda' (did you mean 'audit.lambda'?)"),
        r.err());

    Path ev = dir.resolve("ev.jsonl");
    Files.writeString(ev, "{\"type\":\"nope\",\"node\":\"n\",\"at\":1}\n");
    Run d = run("sentinel", "dry-run", "--evidence", ev.toString(), "--policy", bad.toString());
    assertEquals(1, d.code());

    Run usage = run("sentinel", "simulate", "--nodes", "0");
    assertEquals(2, usage.code());
    assertTrue(usage.err().contains("nodes must be in 1..100000"), usage.err());

    Run missing = run("sentinel", "dry-run");
    assertEquals(2, missing.code());
  }

  @Test
  void shouldPrintTheDocumentedDefaultPolicyAndHelp() {
    Run p = run("sentinel", "policy", "--defaults");
    assertEquals(0, p.code());
    assertTrue(p.out().contains("\naudit.lambda = 0.95\n"), p.out());
    for (String sub : new String[] {"simulate", "report", "dry-run", "ingest", "policy"}) {
      Run h = run("sentinel", sub, "--help");
      assertEquals(0, h.code(), sub);
      assertTrue(h.out().contains("Exit codes: 0"), sub + ":\n" + h.out());
    }
    Run group = run("sentinel");
    assertTrue(group.out().contains("simulate"), group.out());
  }
}
