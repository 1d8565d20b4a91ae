/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --report FILE} option, as a picocli mixin; see {@link JsonReport}. */
public final class ReportOptions {
  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write a JSON report of the run to FILE (schema: docs/report-schema.md).")
  Path report;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  public ReportOptions() {}

  /** The {@code --report} file, if given. */
  public Optional<Path> file() {
    return Optional.ofNullable(report);
  }

  /** Starts the report of {@code command} now (it writes nothing without {@code --report}). */
  public JsonReport start(String command) {
    return JsonReport.start(command, file(), CliEnv.of(mixee).clock());
  }
}
