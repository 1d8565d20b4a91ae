/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.protocol.Multiaddr;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The mixins wired into a command the way real commands use them. */
class MixinsTest {
  @TempDir Path dir;

  @Command(name = "root", subcommands = Probe.class)
  static final class Root implements Runnable, CliEnv.Holder {
    final CliEnv env;

    Root(CliEnv env) {
      this.env = env;
    }

    @Override
    public CliEnv env() {
      return env;
    }

    @Override
    public void run() {}
  }

  @Command(name = "probe")
  static final class Probe implements Callable<Integer> {
    @Mixin PasswordOptions password;
    @Mixin NetworkOptions network;
    @Mixin ProgressOptions progress;
    @Mixin ReportOptions report;
    @Mixin VerboseOption verbose;

    static Probe last;
    String passwordRead;
    NetworkOptions.Target target;
    Progress bar;

    @Override
    public Integer call() throws Exception {
      last = this;
      try (Password p = password.read(PasswordSource.Purpose.UNLOCK, "probe")) {
        passwordRead = new String(p.chars());
      }
      target = network.resolve();
      bar = progress.start("probe", 10);
      bar.advance(10);
      bar.finish();
      report.start("probe").succeeded(Map.of("probed", true));
      return 0;
    }
  }

  private int run(CliEnv env, StringWriter err, String... args) {
    return new CommandLine(new Root(env))
        .setExecutionExceptionHandler(new ErrorHandler(env))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void shouldReadEverythingThroughTheRootsEnvironment() throws Exception {
    Path report = dir.resolve("report.json");
    CliEnv env =
        CliEnv.of(Map.of(PasswordSource.ENV_VARIABLE, "from-env"), dir).withStderrTerminal(true);
    StringWriter err = new StringWriter();
    int code =
        run(
            env,
            err,
            "probe",
            "--bootstrap",
            "/ip4/127.0.0.1/tcp/4001,/ip4/127.0.0.1/tcp/4002",
            "--report",
            report.toString());
    assertEquals(0, code, err.toString());
    Probe p = Probe.last;
    assertEquals("from-env", p.passwordRead);
    assertEquals(
        List.of(
            Multiaddr.parse("/ip4/127.0.0.1/tcp/4001"), Multiaddr.parse("/ip4/127.0.0.1/tcp/4002")),
        p.target.addresses());
    assertTrue(p.bar.enabled(), "stderr is a terminal: the bar draws");
    assertTrue(err.toString().contains("probe: 10 B in "), err.toString());
    assertTrue(Files.readString(report).contains("\"probed\" : true"));
  }

  @Test
  void shouldDrawTheBarOnlyOnATerminalUnlessTold() {
    CliEnv pipe = CliEnv.of(Map.of(PasswordSource.ENV_VARIABLE, "x"), dir);
    String boot = "/ip4/127.0.0.1/tcp/1";
    run(pipe, new StringWriter(), "probe", "--bootstrap", boot);
    assertFalse(Probe.last.bar.enabled());
    run(pipe, new StringWriter(), "probe", "--bootstrap", boot, "--progress");
    assertTrue(Probe.last.bar.enabled());
    run(pipe.withStderrTerminal(true), new StringWriter(), "probe", "--bootstrap", boot, "-q");
    assertFalse(Probe.last.bar.enabled());
    assertTrue(Probe.last.progress.quiet());
  }

  @Test
  void shouldFailWithTheNetworkExitCodeWhenThereIsNoNetwork() {
    StringWriter err = new StringWriter();
    int code = run(CliEnv.of(Map.of(PasswordSource.ENV_VARIABLE, "x"), dir), err, "probe");
    assertEquals(ExitCodes.NETWORK_UNAVAILABLE, code);
    assertTrue(
        err.toString().startsWith("cairn: error: " + NetworkOptions.NO_NETWORK), err.toString());
  }
}
