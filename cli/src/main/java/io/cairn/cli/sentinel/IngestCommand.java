/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.Policy;
import io.cairn.sentinel.Sentinel;
import io.cairn.sentinel.SentinelFormatException;
import io.cairn.sentinel.TimeSource;
import io.cairn.sentinel.Transition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn sentinel ingest}: records an evidence file into the kept state. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Record evidence (JSON lines, as written by the engines or by simulate --record) into the"
          + " sentinel state and print the transitions it caused.",
      SentinelCommand.EXIT_CODES
    })
public final class IngestCommand implements Callable<Integer> {
  @Option(
      names = "--evidence",
      paramLabel = "FILE",
      required = true,
      description = "Evidence file, JSON lines.")
  Path evidence;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "State file (default: ~/.cairn/sentinel.json); created if absent.")
  Path state;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Policy file (default: ~/.cairn/sentinel-policy.properties, else built-in defaults).")
  Path policyFile;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the summary line.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = state == null ? SentinelFiles.defaultState() : state;
    try {
      Policy policy = SentinelFiles.loadPolicy(policyFile);
      List<Evidence> events = SentinelFiles.loadEvidence(evidence);
      Sentinel sentinel = SentinelFiles.loadState(file, policy, TimeSource.system());
      List<Transition> ts = sentinel.recordAll(events);
      SentinelFiles.save(sentinel, file);
      if (!quiet) {
        for (Transition t : ts) {
          out.printf(
              "%s %s %s -> %s (%s): %s%n",
              Instant.ofEpochMilli(t.at()), t.node(), t.from(), t.to(), t.cause(), t.reason());
        }
      }
      out.printf(
          "recorded %d events, %d transitions; %d nodes known; state saved to %s%n",
          events.size(), ts.size(), sentinel.size(), file);
    } catch (IOException | SentinelFormatException e) {
      err.println("Error: " + e.getMessage());
      return SentinelCommand.BAD_INPUT;
    }
    out.flush();
    return SentinelCommand.OK;
  }
}
