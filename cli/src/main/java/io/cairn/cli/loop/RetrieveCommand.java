/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.AtomicOutput;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.CliException;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.JsonReport;
import io.cairn.cli.common.NetworkOptions;
import io.cairn.cli.common.Password;
import io.cairn.cli.common.PasswordOptions;
import io.cairn.cli.common.PasswordSource;
import io.cairn.cli.common.Progress;
import io.cairn.cli.common.ProgressOptions;
import io.cairn.cli.common.ReportOptions;
import io.cairn.cli.common.VerboseOption;
import io.cairn.cli.manifest.ManifestFiles;
import io.cairn.client.crypto.KeySchedule;
import io.cairn.client.crypto.RootKey;
import io.cairn.client.crypto.SegmentCipher;
import io.cairn.client.engine.RetrieveEngine;
import io.cairn.client.engine.RetrieveReport;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestKeys;
import io.cairn.client.trace.Trace;
import io.cairn.client.trace.TraceEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn retrieve MANIFEST -o FILE}: restores a file from the network. FILE appears only when
 * every byte was fetched, checked and decrypted.
 */
@Command(
    name = "retrieve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Open MANIFEST with your password, fetch each segment's shards from the nodes (checking",
      "every node's signed proof and every shard's CID; on a bad or missing shard the next",
      "node is tried), rebuild missing shards from parity, decrypt and write FILE.",
      "FILE appears only when the whole file was restored and authenticated."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:restored",
      "1:an I/O error (FILE exists without --force, disk full, ...)",
      "2:usage error (bad option, no password source)",
      "3:wrong password",
      "4:the manifest is tampered with, corrupt or of an unknown version",
      "5:the manifest is past a limit (larger than 16 MiB, too many shards, ...)",
      "6:network unavailable: no node answers",
      "7:too few good shards of a segment could be found to rebuild it (the error names it)",
      "130:interrupted"
    })
public final class RetrieveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MANIFEST", description = "The manifest of the file.")
  Path manifest;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      required = true,
      description = "Where to write the restored file.")
  Path output;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Longest one shard fetch may take (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--segments-in-flight",
      hidden = true,
      paramLabel = "N",
      defaultValue = "4",
      description = "Segments fetched and decoded at once (default: ${DEFAULT-VALUE}).")
  int segmentThreads;

  @Mixin NetworkOptions network;
  @Mixin PasswordOptions password;
  @Mixin ReportOptions report;
  @Mixin ProgressOptions progress;
  @Mixin SentinelOptions sentinelOptions;
  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonReport json = report.start("retrieve");
    CliEnv env = CliEnv.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClientSentinel sentinel = ClientSentinel.disabled();
    TraceLog trace = new TraceLog();
    LoopReports.Network reached = null;
    try {
      if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
        throw CliException.usage("--timeout must be 1..86400 seconds, got " + timeoutSeconds);
      }
      if (segmentThreads < 1 || segmentThreads > 1024) {
        throw CliException.usage("--segments-in-flight must be 1..1024, got " + segmentThreads);
      }
      byte[] bytes = ManifestFiles.read(manifest);
      NetworkOptions.Target target = network.resolve();
      sentinel = ClientSentinel.load(sentinelOptions, () -> env.clock().millis());
      RootKey[] root = new RootKey[1];
      Manifest m;
      long kdfMs;
      try {
        try (Password pw =
            password.read(PasswordSource.Purpose.UNLOCK, "manifest " + manifest.getFileName())) {
          long t0 = System.nanoTime();
          m =
              ManifestCodec.open(
                  bytes,
                  kdf -> {
                    RootKey r = KeySchedule.deriveRoot(pw.chars(), kdf);
                    root[0] = r;
                    return ManifestKeys.from(r);
                  });
          kdfMs = (System.nanoTime() - t0) / 1_000_000;
        }
        try (AtomicOutput file = AtomicOutput.createLarge(output, force);
            ClientSession session =
                ClientSession.open(
                    target, Duration.ofSeconds(timeoutSeconds), sentinel, env.clock());
            SegmentCipher cipher = root[0].segmentCipher(m.fileId())) {
          reached = LoopReports.network(session);
          ObservationLog observations = new ObservationLog(sentinel);
          List<TraceEvent> rebuilt = new CopyOnWriteArrayList<>();
          Trace both =
              e -> {
                if (e instanceof TraceEvent.SegmentReconstructed) {
                  rebuilt.add(e);
                }
                trace.record(e);
              };
          RetrieveEngine engine =
              new RetrieveEngine(
                  session.transport(),
                  session.directory(),
                  RetrieveEngine.Options.defaults().withSegmentThreads(segmentThreads),
                  new SecureRandom(),
                  observations);
          RetrieveReport r;
          try (Progress bar = progress.start("retrieve " + output.getFileName(), m.fileSize());
              OutputStream sink = new CountingOutputStream(file.stream(), bar)) {
            try {
              r = engine.retrieve(m, cipher, sink, both);
            } finally {
              sentinel.commit(); // what the nodes did counts even if the file cannot be rebuilt
            }
            sink.flush();
            bar.finish();
          }
          if (r.bytesWritten() != m.fileSize()) {
            throw CliException.failure(
                "SHORT_OUTPUT",
                "restored "
                    + r.bytesWritten()
                    + " bytes but the manifest promises "
                    + m.fileSize());
          }
          file.commit();
          var details =
              LoopReports.retrieve(
                  manifest.toString(), output.toString(), m, r, kdfMs, observations.all(), rebuilt);
          printSummary(out, r, m);
          if (!progress.quiet()) {
            trace.print(err, 20);
            Transitions.print(sentinel, err);
          }
          json.succeeded(
              LoopReports.details(details, sentinel, trace, reached, java.util.Map.of()));
        }
      } finally {
        if (root[0] != null) {
          root[0].close();
        }
      }
      return ExitCodes.OK;
    } catch (Exception e) {
      try {
        sentinel.commit();
      } catch (IOException | RuntimeException x) {
        e.addSuppressed(x);
      }
      if (!progress.quiet()) {
        trace.print(err, 20);
        Transitions.print(sentinel, err);
      }
      json.failed(
          e,
          LoopReports.details(
              null,
              sentinel,
              trace,
              reached,
              LoopReports.fields("manifest", manifest.toString(), "output", output.toString())));
      throw e;
    }
  }

  private void printSummary(PrintWriter out, RetrieveReport r, Manifest m) {
    double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "retrieved %s: %s in %.1f s (%.1f MB/s)%n",
        output,
        Progress.bytes(r.bytesWritten()),
        seconds,
        r.bytesWritten() / seconds / 1e6);
    out.printf(
        Locale.ROOT,
        "  shards    %d fetched and verified from %d node(s); %d from fallbacks; %d failed"
            + " attempt(s)%n",
        r.shardsFetched(),
        r.servedBy().size(),
        r.fallbacksUsed(),
        r.failures().size());
    out.printf(
        Locale.ROOT,
        "  segments  %d, %d rebuilt from parity (k=%d m=%d)%n",
        r.segments(),
        r.segmentsReconstructed(),
        m.k(),
        m.m());
    out.flush();
  }
}
