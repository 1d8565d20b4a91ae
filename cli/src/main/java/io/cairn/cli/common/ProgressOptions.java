/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --quiet} and {@code --progress}, as a picocli mixin. By default the progress bar is drawn
 * only when standard error is a terminal. {@code --quiet} hides it and the informational notes that
 * commands print to standard error (errors still show); {@code --progress} draws the bar even when
 * standard error is not a terminal, and even with {@code --quiet}.
 */
public final class ProgressOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar and no notes on standard error (errors still show).")
  boolean quiet;

  @Option(
      names = "--progress",
      description = "Draw the progress bar even when standard error is not a terminal.")
  boolean progress;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  public ProgressOptions() {}

  /** Whether notes on standard error should be left out. */
  public boolean quiet() {
    return quiet;
  }

  /** Whether a bar would be drawn. */
  public boolean drawsProgress() {
    return progress || (!quiet && CliEnv.of(mixee).stderrIsTerminal());
  }

  /**
   * A progress bar for {@code totalBytes} (-1 if unknown) on the command's error stream, or a
   * disabled one.
   */
  public Progress start(String label, long totalBytes) {
    return drawsProgress()
        ? Progress.drawing(mixee.commandLine().getErr(), label, totalBytes)
        : Progress.disabled();
  }
}
