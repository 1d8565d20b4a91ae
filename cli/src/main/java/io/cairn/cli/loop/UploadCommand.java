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
import io.cairn.client.audit.AuditParams;
import io.cairn.client.crypto.Segmenter;
import io.cairn.client.engine.ManifestSize;
import io.cairn.client.engine.UploadEngine;
import io.cairn.client.engine.UploadException;
import io.cairn.client.manifest.Manifest;
import io.cairn.client.manifest.ManifestCodec;
import io.cairn.client.manifest.ManifestLimits;
import io.cairn.client.pipeline.UploadPipeline;
import io.cairn.client.placement.PlacementPolicy;
import io.cairn.node.config.ByteSize;
import io.cairn.node.config.ConfigException;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn upload FILE}: encrypts, erasure-codes and stores a file on the network, and writes
 * its manifest. The manifest appears only when every shard is stored with a valid receipt.
 */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Encrypt FILE with a key derived from your password, split it into segments, erasure-code",
      "each into k data and m parity shards, store every shard on the network's nodes (each",
      "signs a receipt), and write the manifest you need to retrieve and audit it.",
      "Nothing is written under the manifest's name unless the whole upload succeeded."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:uploaded; the manifest is written",
      "1:an I/O error (FILE unreadable, MANIFEST exists without --force, ...)",
      "2:usage error (bad option, no password source)",
      "5:a limit was exceeded (the file needs more shards than a manifest holds)",
      "6:network unavailable: no node answers, or too few nodes took the shards",
      "130:interrupted"
    })
public final class UploadCommand implements Callable<Integer> {
  /** Appended to the input file's name for the default manifest name. */
  public static final String MANIFEST_SUFFIX = ".cmf";

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The file to upload, or - for standard input (then -o is required).")
  Path file;

  /** The FILE that means standard input. */
  static final String STDIN = "-";

  @Option(
      names = {"-o", "--output"},
      paramLabel = "MANIFEST",
      description = "Where to write the manifest (default: FILE.cmf).")
  Path output;

  @Option(names = "--force", description = "Replace MANIFEST if it exists.")
  boolean force;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "4",
      description = "Data shards per segment (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--m",
      paramLabel = "M",
      defaultValue = "2",
      description =
          "Parity shards per segment (default: ${DEFAULT-VALUE}): any k of the k+m shards rebuild"
              + " a segment, so m nodes may be lost.")
  int m;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      defaultValue = "1",
      description = "Copies of each shard, on distinct nodes (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Option(
      names = "--segment-size",
      paramLabel = "SIZE",
      defaultValue = "4MiB",
      description = "Plaintext bytes per segment, 64KiB..64MiB (default: ${DEFAULT-VALUE}).")
  String segmentSize;

  @Option(
      names = "--audit-rounds",
      paramLabel = "N",
      defaultValue = "8",
      description = "Audit rounds prepared per shard, 1..64 (default: ${DEFAULT-VALUE}).")
  int auditRounds;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Longest one shard store may take (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--in-flight",
      hidden = true,
      paramLabel = "N",
      defaultValue = "16",
      description = "Shard stores outstanding at once (default: ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(
      names = "--threads",
      hidden = true,
      paramLabel = "N",
      description = "Encoding threads (default: one per core).")
  Integer threads;

  @Mixin NetworkOptions network;
  @Mixin PasswordOptions password;
  @Mixin ReportOptions report;
  @Mixin ProgressOptions progress;
  @Mixin SentinelOptions sentinelOptions;
  @Mixin KdfOptions kdf;
  @Mixin VerboseOption verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JsonReport json = report.start("upload");
    CliEnv env = CliEnv.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClientSentinel sentinel = ClientSentinel.disabled();
    TraceLog trace = new TraceLog();
    LoopReports.Network reached = null;
    boolean fromStdin = file.toString().equals(STDIN);
    if (fromStdin && output == null) {
      throw CliException.usage("reading standard input (FILE -) needs -o MANIFEST");
    }
    Path manifestPath = output != null ? output : defaultManifest(file);
    try {
      UploadEngine.Options options = options();
      long size = -1;
      if (!fromStdin) {
        if (!Files.exists(file)) {
          throw new NoSuchFileException(file.toString(), null, "the file to upload");
        }
        if (!Files.isRegularFile(file)) {
          throw CliException.failure("NOT_A_FILE", file + " is not a regular file");
        }
        size = Files.size(file);
        checkShardLimit(size, options.pipeline());
      }
      String label = fromStdin ? "standard input" : String.valueOf(file.getFileName());
      try (AtomicOutput manifestOut = AtomicOutput.create(manifestPath, force)) {
        NetworkOptions.Target target = network.resolve();
        sentinel = ClientSentinel.load(sentinelOptions, () -> env.clock().millis());
        if (kdf.weakerThanDefault() && !progress.quiet()) {
          err.println(
              "cairn: warning: weak password key derivation ("
                  + kdf.describe()
                  + "); meant for tests and benchmarks only");
          err.flush();
        }
        UploadEngine.Result result;
        long manifestMs;
        try (Password pw =
                password.read(PasswordSource.Purpose.CREATE, "the manifest of " + label);
            ClientSession session =
                ClientSession.open(
                    target, Duration.ofSeconds(timeoutSeconds), sentinel, env.clock())) {
          reached = LoopReports.network(session);
          warnUnreachable(session, err);
          ObservationLog observations = new ObservationLog(sentinel);
          String placementKey = HexFormat.of().formatHex(randomBytes(16));
          PlacementPolicy policy = sentinel.placement(replicas, placementKey);
          noteExcluded(sentinel, session, err);
          UploadEngine engine =
              new UploadEngine(
                  session.transport(),
                  session.reachableDirectory(),
                  options,
                  new SecureRandom(),
                  observations);
          long maxBytes = maxBytes(options.pipeline());
          try (Progress bar = progress.start("upload " + label, size);
              InputStream in =
                  new CountingInputStream(
                      fromStdin
                          ? new BoundedInput(env.stdin(), maxBytes)
                          : Files.newInputStream(file),
                      bar)) {
            result =
                engine.upload(
                    in,
                    pw.chars(),
                    policy,
                    UploadEngine.FileInfo.of(fromStdin ? null : fileName(file), null),
                    trace);
            bar.finish();
          } catch (BoundedInput.TooLong e) {
            throw tooLarge(
                label + " sent more than " + ByteSize.format(maxBytes) + " of data",
                options.pipeline());
          }
          long t0 = System.nanoTime();
          byte[] encoded = ManifestCodec.encode(result.manifest());
          manifestOut.stream().write(encoded);
          manifestOut.commit();
          manifestMs = (System.nanoTime() - t0) / 1_000_000;
          sentinel.commit();
          var upload =
              LoopReports.upload(
                  file.toString(),
                  manifestPath.toString(),
                  result.manifest(),
                  result.report(),
                  replicas,
                  observations.all(),
                  manifestMs);
          printSummary(out, result, encoded.length, manifestPath, session);
          if (!progress.quiet()) {
            trace.print(err, 20);
            Transitions.print(sentinel, err);
          }
          json.succeeded(
              LoopReports.details(
                  upload,
                  sentinel,
                  trace,
                  reached,
                  LoopReports.fields(
                      "placementKey", placementKey, "manifestBytes", encoded.length)));
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
      }
      json.failed(
          e,
          LoopReports.details(
              null,
              sentinel,
              trace,
              reached,
              LoopReports.fields(
                  "input",
                  file.toString(),
                  "manifest",
                  manifestPath.toString(),
                  "attempts",
                  e instanceof UploadException u
                      ? u.attempts().stream().map(a -> a.explain()).toList()
                      : List.of())));
      throw e;
    }
  }

  private UploadEngine.Options options() throws CliException {
    int seg;
    try {
      long s = ByteSize.parse("--segment-size", segmentSize);
      if (s < Segmenter.MIN_SEGMENT_SIZE || s > Segmenter.MAX_SEGMENT_SIZE) {
        throw CliException.usage("--segment-size must be 64KiB..64MiB, got " + ByteSize.format(s));
      }
      seg = (int) s;
    } catch (ConfigException e) {
      throw CliException.usage(e.getMessage());
    }
    if (k < 1 || m < 0 || k + m > 256) {
      throw CliException.usage("need --k >= 1, --m >= 0 and k + m <= 256, got k=" + k + ", m=" + m);
    }
    if (replicas < PlacementPolicy.MIN_REPLICAS || replicas > PlacementPolicy.MAX_REPLICAS) {
      throw CliException.usage("--replicas must be in 1..64, got " + replicas);
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
      throw CliException.usage("--timeout must be 1..86400 seconds, got " + timeoutSeconds);
    }
    if (inFlight < 1 || inFlight > UploadEngine.Options.MAX_SHARDS_IN_FLIGHT) {
      throw CliException.usage("--in-flight must be 1..4096, got " + inFlight);
    }
    AuditParams audit;
    try {
      audit =
          new AuditParams(
              auditRounds, AuditParams.DEFAULT_BLOCK_SIZE, AuditParams.DEFAULT_BLOCK_COUNT);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--audit-rounds: " + e.getMessage());
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (t < 1 || t > 256) {
      throw CliException.usage("--threads must be 1..256, got " + t);
    }
    return UploadEngine.Options.defaults()
        .withPipeline(new UploadPipeline.Options(seg, k, m, audit, t))
        .withMaxShardsInFlight(inFlight)
        .withKdf(kdf.cost());
  }

  /**
   * Refuses, before any work, a file whose manifest would pass a limit: more shards than a manifest
   * may hold, or more than its 16 MiB once every shard's receipts and audit rounds are counted.
   */
  private void checkShardLimit(long size, UploadPipeline.Options p) throws CliException {
    long shards = Manifest.segmentCountFor(size, p.segmentSize()) * (p.k() + p.m());
    if (shards > ManifestLimits.MAX_SHARDS) {
      throw tooLarge(
          file
              + " would need "
              + shards
              + " shards; a manifest holds at most "
              + ManifestLimits.MAX_SHARDS,
          p);
    }
    long bytes = ManifestSize.forUpload(size, p, replicas);
    if (bytes > ManifestLimits.MAX_ENCODED_BYTES) {
      throw tooLarge(
          file
              + " would need a manifest of about "
              + ByteSize.format(bytes)
              + " ("
              + shards
              + " shards of "
              + ManifestSize.shardEntryBytes(replicas, p.audit().rounds())
              + " bytes each); a manifest holds at most "
              + ByteSize.format(ManifestLimits.MAX_ENCODED_BYTES),
          p);
    }
  }

  /** The most plaintext one manifest can describe at these settings. */
  long maxBytes(UploadPipeline.Options p) {
    return ManifestSize.maxFileBytes(p, replicas);
  }

  private CliException tooLarge(String why, UploadPipeline.Options p) {
    return new CliException(
        ExitCodes.LIMIT_EXCEEDED,
        "LIMIT_EXCEEDED",
        why
            + ". At "
            + ByteSize.format(p.segmentSize())
            + " segments, k+m="
            + (p.k() + p.m())
            + ", "
            + p.audit().rounds()
            + " audit rounds and "
            + replicas
            + " replica(s) the largest file is "
            + ByteSize.format(maxBytes(p))
            + " (use a larger --segment-size, up to 64MiB, or fewer --audit-rounds)");
  }

  static Path defaultManifest(Path file) {
    Path name = file.getFileName();
    return file.resolveSibling((name == null ? "upload" : name.toString()) + MANIFEST_SUFFIX);
  }

  /** The file name the manifest records, if it is one a manifest can hold. */
  private static String fileName(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return null;
    }
    String s = name.toString();
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return null;
      }
    }
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1024 ? s : null;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private void warnUnreachable(ClientSession session, PrintWriter err) {
    if (session.unreachable().isEmpty() || progress.quiet()) {
      return;
    }
    err.println(
        "cairn: note: "
            + session.unreachable().size()
            + " of "
            + session.peers().size()
            + " nodes did not answer; placing shards on the "
            + session.reachable().size()
            + " that did");
    for (String why : session.unreachable().values()) {
      err.println("cairn:   " + why);
    }
    err.flush();
  }

  private void noteExcluded(ClientSentinel sentinel, ClientSession session, PrintWriter err) {
    Set<PeerId> skipped = new LinkedHashSet<>(sentinel.excluded());
    skipped.retainAll(session.reachable());
    if (skipped.isEmpty() || progress.quiet()) {
      return;
    }
    err.println(
        "cairn: note: the sentinel excludes "
            + skipped.size()
            + " node(s) from placement (quarantined or disqualified): "
            + skipped);
    err.flush();
  }

  private void printSummary(
      PrintWriter out,
      UploadEngine.Result result,
      int manifestBytes,
      Path manifestPath,
      ClientSession session) {
    var r = result.report();
    var mf = result.manifest();
    double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "uploaded %s: %s in %.1f s (%.1f MB/s)%n",
        file.toString().equals(STDIN) ? "standard input" : file.getFileName(),
        Progress.bytes(r.fileSize()),
        seconds,
        r.fileSize() / seconds / 1e6);
    out.printf(Locale.ROOT, "  manifest  %s (%d bytes)%n", manifestPath, manifestBytes);
    out.printf(Locale.ROOT, "  file id   %s%n", mf.fileId().toHex());
    out.printf(
        Locale.ROOT,
        "  layout    %d segment(s) of %s, k=%d m=%d, %d shards (%s) on %d of %d nodes%n",
        mf.segmentCount(),
        ByteSize.format(mf.segmentSize()),
        mf.k(),
        mf.m(),
        mf.shards().size(),
        Progress.bytes(r.bytesStored()),
        r.load().size(),
        session.peers().size());
    out.printf(
        Locale.ROOT,
        "  retries   %d failed store attempt(s), %d shard(s) on fallback nodes%n",
        r.retries(),
        r.fallbacksUsed());
    out.flush();
  }
}
