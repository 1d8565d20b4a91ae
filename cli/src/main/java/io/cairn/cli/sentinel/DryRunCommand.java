/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import io.cairn.sentinel.DryRun;
import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.Policy;
import io.cairn.sentinel.SentinelFormatException;
import io.cairn.sentinel.TimeSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn sentinel dry-run}: what a policy change would do to recorded evidence. */
@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = {
      "Replay recorded evidence under the baseline policy and under a candidate policy, and show"
          + " which nodes would end in a different state, reach a different worst state, or reach"
          + " it at another time, with the reasons under both.",
      SentinelCommand.EXIT_CODES
    })
public final class DryRunCommand implements Callable<Integer> {
  @Option(
      names = "--policy",
      paramLabel = "FILE",
      required = true,
      description = "The candidate policy file.")
  Path candidate;

  @Option(
      names = "--baseline-policy",
      paramLabel = "FILE",
      description =
          "The baseline policy file (default: ~/.cairn/sentinel-policy.properties, else built-in"
              + " defaults).")
  Path baseline;

  @Option(
      names = "--evidence",
      paramLabel = "FILE",
      description =
          "Evidence file, JSON lines (default: the evidence kept in the state file, that is the"
              + " current network).")
  Path evidence;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "State file used when --evidence is absent (default: ~/.cairn/sentinel.json).")
  Path state;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DryRun.Report report;
    try {
      Policy base = SentinelFiles.loadPolicy(baseline);
      Policy cand = SentinelFiles.loadPolicy(candidate);
      List<Evidence> events;
      if (evidence != null) {
        events = SentinelFiles.loadEvidence(evidence);
      } else {
        Path file = state == null ? SentinelFiles.defaultState() : state;
        if (!Files.exists(file)) {
          err.println("Error: no --evidence given and no state file at " + file);
          return SentinelCommand.BAD_INPUT;
        }
        events = SentinelFiles.loadState(file, base, TimeSource.system()).evidenceLog();
      }
      report = DryRun.compare(events, base, cand);
    } catch (IOException | SentinelFormatException e) {
      err.println("Error: " + e.getMessage());
      return SentinelCommand.BAD_INPUT;
    }
    out.print(json ? report.toJson() : report.toText());
    out.flush();
    return SentinelCommand.OK;
  }
}
