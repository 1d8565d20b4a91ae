/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.client.engine.UploadException;
import io.cairn.client.manifest.ManifestException;
import io.cairn.client.manifest.ManifestException.Reason;
import io.cairn.client.pipeline.NotEnoughShardsException;
import io.cairn.client.placement.PlacementException;
import io.cairn.p2p.P2pException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ExitCodesTest {
  @ParameterizedTest
  @EnumSource(Reason.class)
  void shouldMapEveryManifestReason(Reason reason) {
    int expected =
        switch (reason) {
          case WRONG_PASSWORD -> 3;
          case TOO_LARGE, LIMIT_EXCEEDED -> 5;
          default -> 4;
        };
    ExitCodes.Failure f = ExitCodes.classify(new ManifestException(reason, "the detail"));
    assertEquals(expected, f.code(), reason.name());
    assertEquals(reason.name(), f.name());
    assertEquals("the detail", f.message());
    assertTrue(f.expected());
  }

  @Test
  void shouldMapPipelineNetworkAndFileFailures() {
    assertEquals(
        ExitCodes.DATA_UNRECOVERABLE,
        ExitCodes.classify(new NotEnoughShardsException(3, 1, 4, 6, "timeout")).code());
    assertEquals(
        ExitCodes.NETWORK_UNAVAILABLE,
        ExitCodes.classify(new PlacementException("no peer may hold a shard")).code());
    assertEquals(
        ExitCodes.NETWORK_UNAVAILABLE,
        ExitCodes.classify(new UploadException("no eligible peers")).code());
    assertEquals(
        ExitCodes.NETWORK_UNAVAILABLE,
        ExitCodes.classify(new P2pException(P2pException.Reason.DIAL_FAILED, "refused")).code());
    assertEquals(
        ExitCodes.NETWORK_UNAVAILABLE,
        ExitCodes.classify(new ConnectException("Connection refused")).code());
    ExitCodes.Failure missing = ExitCodes.classify(new NoSuchFileException("a/b.cmf"));
    assertEquals(ExitCodes.FAILURE, missing.code());
    assertEquals("a/b.cmf: no such file", missing.message());
    assertEquals(ExitCodes.FAILURE, ExitCodes.classify(new IOException("disk full")).code());
    assertEquals(
        ExitCodes.AUDIT_FAILED,
        ExitCodes.classify(new CliException(ExitCodes.AUDIT_FAILED, "AUDIT_FAILED", "2 failed"))
            .code());
  }

  @Test
  void shouldUnwrapWrappersToTheKnownCause() {
    ManifestException wrong = new ManifestException(Reason.WRONG_PASSWORD, "wrong password");
    assertEquals(3, ExitCodes.classify(new IOException(wrong)).code());
    assertEquals(3, ExitCodes.classify(new ExecutionException(wrong)).code());
    assertEquals(
        7,
        ExitCodes.classify(new UncheckedIOException(new NotEnoughShardsException(0, 0, 2, 3, null)))
            .code());
    assertEquals(3, ExitCodes.classify(new RuntimeException(new IOException(wrong))).code());
  }

  @Test
  void shouldCallUnknownExceptionsInternalErrors() {
    ExitCodes.Failure f = ExitCodes.classify(new IllegalStateException("oops"));
    assertEquals(ExitCodes.FAILURE, f.code());
    assertFalse(f.expected());
    assertTrue(f.message().contains("oops"));
  }

  @Test
  void shouldKeepMessagesToOneLine() {
    assertEquals(
        "first ...", ExitCodes.classify(new IOException("first\nsecond\nthird")).message());
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    Exception toThrow;

    @Override
    public Integer call() throws Exception {
      throw toThrow;
    }
  }

  private static String[] run(Exception e, Map<String, String> vars, String... args) {
    Boom boom = new Boom();
    boom.toThrow = e;
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(boom)
            .setExecutionExceptionHandler(new ErrorHandler(CliEnv.of(vars, Path.of("/"))))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void shouldPrintOneLineWithoutAStackTrace() {
    String[] r = run(new ManifestException(Reason.TAMPERED, "auth tag does not verify"), Map.of());
    assertEquals("4", r[0]);
    assertEquals("cairn: error: auth tag does not verify" + System.lineSeparator(), r[1]);
  }

  @Test
  void shouldPrintTheStackTraceWithVerboseOrCairnDebug() {
    String[] verbose = run(new IOException("disk full"), Map.of(), "--verbose");
    assertTrue(verbose[1].startsWith("cairn: error: disk full"), verbose[1]);
    assertTrue(verbose[1].contains("at io.cairn.cli.common.ExitCodesTest"), verbose[1]);
    String[] debug = run(new IOException("disk full"), Map.of(CliEnv.DEBUG_VARIABLE, "1"));
    assertTrue(debug[1].contains("java.io.IOException: disk full"), debug[1]);
    String[] off = run(new IOException("disk full"), Map.of(CliEnv.DEBUG_VARIABLE, "0"));
    assertFalse(off[1].contains("\tat "), off[1]);
  }

  @Test
  void shouldSuggestVerboseOnlyForUnexpectedErrors() {
    String[] bug = run(new NullPointerException("x"), Map.of());
    assertEquals("1", bug[0]);
    assertTrue(bug[1].contains("--verbose"), bug[1]);
    String[] expected = run(new NoSuchFileException("m.cmf"), Map.of());
    assertFalse(expected[1].contains("--verbose"), expected[1]);
  }
}
