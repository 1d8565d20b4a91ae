/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import io.cairn.sentinel.Evidence;
import io.cairn.sentinel.EvidenceCodec;
import io.cairn.sentinel.Policy;
import io.cairn.sentinel.SentinelFormatException;
import io.cairn.sentinel.sim.Simulation;
import io.cairn.sentinel.sim.SimulationConfig;
import io.cairn.sentinel.sim.SimulationReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn sentinel simulate}: the seeded network simulation and its full report. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a network of honest, flaky, slow, degrading and dishonest nodes watched by the"
          + " sentinel, and report detection precision and recall, time to quarantine, and the"
          + " issue's bars.",
      "The same seed always gives the same report.",
      "Exit codes: 0 success, bars met; 1 an input file is unreadable or invalid; 2 usage error;"
          + " 3 the simulation missed a bar."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--nodes",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Number of nodes, 1..100000 (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "30",
      description = "Simulated days, 1..365 (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file to simulate under (default: the built-in defaults).")
  Path policyFile;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description = "Also write every piece of evidence to FILE (JSON lines), for dry-run.")
  Path record;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimulationConfig config;
    try {
      Policy policy = policyFile == null ? Policy.defaults() : SentinelFiles.loadPolicy(policyFile);
      config = SimulationConfig.of(seed, nodes, days).withPolicy(policy);
    } catch (IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return SentinelCommand.USAGE;
    } catch (IOException | SentinelFormatException e) {
      err.println("Error: " + e.getMessage());
      return SentinelCommand.BAD_INPUT;
    }
    SimulationReport report;
    try {
      if (record == null) {
        report = new Simulation(config).run();
      } else {
        try (BufferedWriter w = Files.newBufferedWriter(record, StandardCharsets.UTF_8)) {
          Consumer<Evidence> tap =
              e -> {
                try {
                  w.write(EvidenceCodec.toJson(e));
                  w.write('\n');
                } catch (IOException x) {
                  throw new UncheckedIOException(x);
                }
              };
          report = new Simulation(config).run(tap);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("Error: cannot write " + record + ": " + e.getMessage());
      return SentinelCommand.BAD_INPUT;
    }
    out.print(json ? report.toJson() : report.toText());
    if (record != null && !json) {
      out.println("evidence written to " + record);
    }
    out.flush();
    return report.barsMet() ? SentinelCommand.OK : SentinelCommand.BAR_MISSED;
  }
}
