/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.AtomicOutput;
import io.cairn.cli.common.AuditReport;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.CliException;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.JsonReport;
import io.cairn.cli.common.NetworkOptions;
import io.cairn.cli.common.ProgressOptions;
import io.cairn.cli.common.ReportOptions;
import io.cairn.cli.common.VerboseOption;
import io.cairn.cli.manifest.ManifestFiles;
import io.cairn.client.engine.AuditEngine;
import io.cairn.client.engine.AuditState;
import io.cairn.client.engine.AuditStateException;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ShardEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn audit MANIFEST}: challenges the nodes that hold a file's shards to prove they still
 * hold them, with the manifest's secret audit rounds (no password needed).
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Challenge every node that holds a shard of the file to prove it still holds the bytes:",
      "each shard's next unused audit round from the manifest is sent to the nodes of its",
      "placement, and each signed answer is checked against the expected hash and for",
      "freshness. Needs no password. Spent rounds are remembered in the audit state file so",
      "that a round is never asked twice."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every challenged copy passed",
      "1:an I/O error, or an invalid audit state file",
      "4:the manifest is tampered with, corrupt or of an unknown version",
      "5:the manifest is past a limit",
      "6:network unavailable: no node answers",
      "8:at least one copy failed (wrong hash, missing, stale, unsigned, replayed, no answer) or"
          + " no unused round was left",
      "130:interrupted"
    })
public final class AuditCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest of the file.")
  Path manifest;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description =
          "Audit a random sample of N shards instead of all of them; shards on nodes the"
              + " sentinel does not count as healthy come first.")
  Integer sample;

  @Option(
      names = "--window",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Freshness: an answer must arrive, and claim a time, within this many seconds of the"
              + " challenge (default: ${DEFAULT-VALUE}).")
  int windowSeconds;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Longest one challenge may take (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--audit-state",
      paramLabel = "FILE",
      description = "Spent audit rounds of this file (default: ~/.cairn/audit/<file id>.state).")
  Path stateFile;

  @Mixin NetworkOptions network;
  @Mixin ReportOptions report;
  @Mixin ProgressOptions progress;
  @Mixin SentinelOptions sentinelOptions;
  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonReport json = report.start("audit");
    CliEnv env = CliEnv.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClientSentinel sentinel = ClientSentinel.disabled();
    TraceLog trace = new TraceLog();
    LoopReports.Network reached = null;
    AuditReport details = null;
    try {
      if (windowSeconds < 1 || windowSeconds > 86_400) {
        throw CliException.usage("--window must be 1..86400 seconds, got " + windowSeconds);
      }
      if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
        throw CliException.usage("--timeout must be 1..86400 seconds, got " + timeoutSeconds);
      }
      if (sample != null && sample < 1) {
        throw CliException.usage("--sample must be at least 1, got " + sample);
      }
      Manifest m = ManifestCodec.decode(ManifestFiles.read(manifest));
      Path statePath =
          stateFile != null
              ? stateFile
              : SentinelOptions.home(env).resolve("audit").resolve(m.fileId().toHex() + ".state");
      AuditState state = loadState(statePath, m);
      NetworkOptions.Target target = network.resolve();
      sentinel = ClientSentinel.load(sentinelOptions, () -> env.clock().millis());
      io.cairn.client.engine.AuditReport r;
      try (ClientSession session =
          ClientSession.open(target, Duration.ofSeconds(timeoutSeconds), sentinel, env.clock())) {
        reached = LoopReports.network(session);
        AuditEngine engine =
            new AuditEngine(
                session.transport(),
                session.directory(),
                AuditEngine.Options.defaults().withWindow(Duration.ofSeconds(windowSeconds)),
                new SecureRandom(),
                new ObservationLog(sentinel));
        try {
          r =
              engine.audit(
                  m,
                  state,
                  sample == null
                      ? AuditEngine.Selection.all()
                      : AuditEngine.Selection.sample(sample, distrusted(sentinel, m)),
                  trace);
        } finally {
          // Rounds are spent when challenged, answered or not: never ask one twice.
          Files.createDirectories(statePath.toAbsolutePath().getParent());
          AtomicOutput.write(statePath, state.encode(), true);
          sentinel.commit();
        }
      }
      details = LoopReports.audit(manifest.toString(), r, sentinel);
      printSummary(out, details, r, m, state);
      if (!progress.quiet()) {
        trace.print(err, 20);
        Transitions.print(sentinel, err);
      }
      if (r.shards().isEmpty() || !r.allPassed()) {
        throw failure(details, r);
      }
      json.succeeded(LoopReports.details(details, sentinel, trace, reached, Map.of()));
      return ExitCodes.OK;
    } catch (Exception e) {
      try {
        sentinel.commit();
      } catch (IOException | RuntimeException x) {
        e.addSuppressed(x);
      }
      json.failed(
          e,
          LoopReports.details(
              details,
              sentinel,
              trace,
              reached,
              details == null ? LoopReports.fields("manifest", manifest.toString()) : Map.of()));
      throw e;
    }
  }

  /**
   * The peers of this manifest's placements that the sentinel does not count as healthy: a sample
   * audits their shards first.
   */
  static java.util.Set<io.cairn.protocol.PeerId> distrusted(ClientSentinel sentinel, Manifest m) {
    java.util.Set<io.cairn.protocol.PeerId> out = new java.util.HashSet<>();
    for (var e : m.shards()) {
      for (io.cairn.protocol.PeerId p : e.placement()) {
        if (sentinel.state(p).map(st -> st != io.cairn.sentinel.NodeState.HEALTHY).orElse(false)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static AuditState loadState(Path file, Manifest m) throws IOException, CliException {
    if (!Files.exists(file)) {
      return AuditState.fresh(m);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // Header plus one 13-byte entry per shard at most.
      bytes = in.readNBytes(44 + 13 * (m.shards().size() + 1));
    }
    try {
      AuditState s = AuditState.decode(bytes);
      if (!s.fileId().equals(m.fileId())) {
        throw CliException.failure(
            "AUDIT_STATE_INVALID",
            "audit state " + file + " belongs to another file (" + s.fileId().toHex() + ")");
      }
      return s;
    } catch (AuditStateException e) {
      throw CliException.failure(
          "AUDIT_STATE_INVALID", "audit state " + file + ": " + e.getMessage());
    }
  }

  private static CliException failure(AuditReport d, io.cairn.client.engine.AuditReport r) {
    if (r.challenged() == 0) {
      return new CliException(
          ExitCodes.AUDIT_FAILED,
          "AUDIT_EXHAUSTED",
          "nothing was audited: every audit round of the file's shards has been used (re-upload"
              + " to get fresh rounds)");
    }
    StringBuilder sb =
        new StringBuilder("audit failed: ")
            .append(d.challenged() - d.passed())
            .append(" of ")
            .append(d.challenged())
            .append(" shard copies did not pass");
    String sep = " (";
    for (AuditReport.NodeOutcome n : d.nodes()) {
      if (n.passed() < n.challenged()) {
        sb.append(sep)
            .append(n.peer())
            .append(": ")
            .append(n.challenged() - n.passed())
            .append(" of ")
            .append(n.challenged());
        sep = "; ";
      }
    }
    if (!sep.equals(" (")) {
      sb.append(')');
    }
    if (r.exhausted() > 0) {
      sb.append("; ").append(r.exhausted()).append(" shard(s) had no unused round left");
    }
    return new CliException(ExitCodes.AUDIT_FAILED, "AUDIT_FAILED", sb.toString());
  }

  private void printSummary(
      PrintWriter out,
      AuditReport d,
      io.cairn.client.engine.AuditReport r,
      Manifest m,
      AuditState state) {
    int left = Integer.MAX_VALUE;
    for (ShardEntry e : m.shards()) {
      left = Math.min(left, state.remaining(e));
    }
    out.printf(
        Locale.ROOT,
        "audit %s: %d of %d shard copies passed (%d failed, %d unanswered); %d shard(s) without"
            + " a round left; fewest rounds left on a shard: %d%n",
        manifest.getFileName(),
        d.passed(),
        d.challenged(),
        d.failed(),
        d.unreachable(),
        r.exhausted(),
        left == Integer.MAX_VALUE ? 0 : left);
    out.printf(
        Locale.ROOT,
        "  %-54s %6s %6s %6s %9s  %s%n",
        "node",
        "asked",
        "passed",
        "failed",
        "no answer",
        "sentinel");
    for (AuditReport.NodeOutcome n : d.nodes()) {
      out.printf(
          Locale.ROOT,
          "  %-54s %6d %6d %6d %9d  %s%n",
          n.peer(),
          n.challenged(),
          n.passed(),
          n.failed(),
          n.unreachable(),
          n.state() == null ? "-" : n.state());
    }
    out.flush();
  }
}
