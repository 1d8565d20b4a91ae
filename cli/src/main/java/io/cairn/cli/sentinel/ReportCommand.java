/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.sentinel;

import io.cairn.sentinel.Policy;
import io.cairn.sentinel.Reports;
import io.cairn.sentinel.Sentinel;
import io.cairn.sentinel.SentinelFormatException;
import io.cairn.sentinel.TimeSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn sentinel report}: every known node's state, scores and last reasons. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Show each known node's state, vetting flag, scores, raised concerns and latest reasons,"
          + " from the sentinel state this client keeps.",
      SentinelCommand.EXIT_CODES
    })
public final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "State file (default: ~/.cairn/sentinel.json).")
  Path state;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Policy file (default: ~/.cairn/sentinel-policy.properties, else built-in defaults).")
  Path policyFile;

  @Option(names = "--json", description = "Print the report as JSON, with every kept transition.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = state == null ? SentinelFiles.defaultState() : state;
    Sentinel sentinel;
    try {
      Policy policy = SentinelFiles.loadPolicy(policyFile);
      if (!Files.exists(file)) {
        if (json) {
          out.print(Reports.nodesJson(new Sentinel(policy, TimeSource.system()), now()));
        } else {
          out.println("no sentinel state at " + file + " yet: no evidence has been recorded.");
        }
        out.flush();
        return SentinelCommand.OK;
      }
      sentinel = SentinelFiles.loadState(file, policy, TimeSource.system());
    } catch (IOException | SentinelFormatException e) {
      err.println("Error: " + e.getMessage());
      return SentinelCommand.BAD_INPUT;
    }
    out.print(json ? Reports.nodesJson(sentinel, now()) : Reports.nodesText(sentinel, now()));
    out.flush();
    return SentinelCommand.OK;
  }

  private static long now() {
    return TimeSource.system().millis();
  }
}
