/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli;

import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.ErrorHandler;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code cairn} command. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Cairn: encrypted, erasure-coded, audited storage over libp2p nodes.",
    subcommands = {
      CommandLine.HelpCommand.class,
      io.cairn.cli.up.UpCommand.class,
      io.cairn.cli.loop.UploadCommand.class,
      io.cairn.cli.loop.RetrieveCommand.class,
      io.cairn.cli.loop.AuditCommand.class,
      io.cairn.cli.loop.BenchE2eCommand.class,
      io.cairn.cli.ping.PingCommand.class,
      io.cairn.cli.node.NodeCommand.class,
      io.cairn.cli.sentinel.SentinelCommand.class,
      io.cairn.cli.manifest.ValidateCommand.class,
      io.cairn.cli.manifest.MigrateCommand.class,
      io.cairn.cli.manifest.ManifestCommand.class
    })
public final class Main implements Runnable, CliEnv.Holder {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final CliEnv env;

  public Main() {
    this(CliEnv.system());
  }

  /**
   * A CLI whose commands see {@code env} (variables, home, terminal, clock) instead of the
   * process's.
   */
  public Main(CliEnv env) {
    this.env = env;
  }

  @Override
  public CliEnv env() {
    return env;
  }

  /** The command line with Cairn's error handling (one-line errors, exit codes of ExitCodes). */
  public static CommandLine commandLine(CliEnv env) {
    return new CommandLine(new Main(env)).setExecutionExceptionHandler(new ErrorHandler(env));
  }

  /** Runs the CLI in {@code env} with its output captured; for tests. */
  public static int run(CliEnv env, PrintWriter out, PrintWriter err, String... args) {
    return commandLine(env).setOut(out).setErr(err).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
  public static int run(String... args) {
    return commandLine(CliEnv.system()).execute(args);
  }

  public static void main(String[] args) {
    quietLeakDetection();
    System.exit(run(args));
  }

  /** The system property Netty reads for its buffer leak detection level. */
  static final String LEAK_DETECTION = "io.netty.leakDetection.level";

  /**
   * Netty samples one buffer allocation in 128 for leak tracking by default, recording a stack
   * trace each time; with the many small buffers of yamux frames that cost a node about 7 % of its
   * CPU in a 1 GiB upload (docs/benchmarks.md). The test suite runs with {@code paranoid} tracking
   * to catch leaks; a released {@code cairn} process turns it off unless {@value #LEAK_DETECTION}
   * asks otherwise.
   */
  static void quietLeakDetection() {
    if (System.getProperty(LEAK_DETECTION) == null) {
      System.setProperty(LEAK_DETECTION, "disabled");
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"cairn " + (v == null ? "dev" : v)};
    }
  }
}
