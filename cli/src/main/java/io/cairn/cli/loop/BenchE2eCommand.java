/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.Main;
import io.cairn.cli.common.CliEnv;
import io.cairn.cli.common.CliException;
import io.cairn.cli.common.ExitCodes;
import io.cairn.cli.common.NetworkFile;
import io.cairn.cli.up.LocalNetwork;
import io.cairn.client.engine.UploadEngine;
import io.cairn.node.config.ByteSize;
import io.cairn.node.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn bench-e2e} ({@code ./cairn bench e2e}): the whole loop's throughput on a fresh local
 * network, beside this machine's limits measured in the same run.
 *
 * <ol>
 *   <li>Loopback: one plain TCP connection pushing {@value #LOOPBACK_MIB} MiB over 127.0.0.1.
 *   <li>For each size: first the disk, as many new files of 1 MiB as the upload will store (size
 *       times the expansion (k+m)/k, at least {@value #MIN_DISK_FILES}) written and fsynced one by
 *       one in the bench directory, as nodes persist shards; divided by the expansion this is the
 *       upload limit when every node shares this one disk. The volume matters: page-cache pages the
 *       machine has not used lately cost more to fill than recently freed ones, so a small probe
 *       overstates what the disk sustains for a large upload. Then a file of seeded random bytes
 *       streamed to disk (not timed), {@code cairn upload} and {@code cairn retrieve} run in this
 *       JVM against the network, timed from start to exit, and the restored file compared by
 *       SHA-256.
 * </ol>
 *
 * <p>The uploads derive their keys with the cheapest Argon2id cost so the figures measure the data
 * path, not the password hash (about a second at the default cost); the output says so.
 */
@Command(
    name = "bench-e2e",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure upload and download throughput on a fresh local network (./cairn bench e2e),",
      "beside this machine's limits measured in the same run: synced writes of new 1 MiB files",
      "on the same disk (divided by the expansion (k+m)/k: the upload limit when every node",
      "shares this disk) and plain loopback TCP. Prints the figures and the ratios."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:measured (whether or not the floors were met; the output says)",
      "1:a step failed (a node did not start, a round trip was not byte-identical, ...)",
      "2:usage error"
    })
public final class BenchE2eCommand implements Callable<Integer> {
  static final int MIN_DISK_FILES = 64;
  static final int LOOPBACK_MIB = 1024;

  /** Upload floor: this share of the disk limit for the expansion in use. */
  public static final double UPLOAD_FLOOR = 0.70;

  /** Download floor, plaintext MB/s (10^6 bytes). */
  public static final double DOWNLOAD_FLOOR_MB_S = 150;

  @Option(
      names = "--sizes",
      split = ",",
      paramLabel = "SIZE",
      defaultValue = "256MiB,1GiB",
      description = "File sizes to round-trip (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(
      names = "--nodes",
      defaultValue = "6",
      description = "Storage nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--k",
      defaultValue = "4",
      description = "Data shards (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--m",
      defaultValue = "2",
      description = "Parity shards (default: ${DEFAULT-VALUE}).")
  int m;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where the network and files go (default: a new temporary directory).")
  Path dir;

  @Option(names = "--keep", description = "Keep DIR afterwards (default: delete it).")
  boolean keep;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the random file contents (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--default-kdf",
      description = "Use the default Argon2id cost in the uploads (adds about a second each).")
  boolean defaultKdf;

  @Option(
      names = "--no-limits",
      hidden = true,
      description = "Skip the disk and loopback measurements.")
  boolean noLimits;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Long> bytes = new ArrayList<>();
    for (String s : sizes) {
      try {
        long b = ByteSize.parse("--sizes", s);
        if (b < 1) {
          throw CliException.usage("--sizes: a size must be at least 1 byte, got " + s);
        }
        bytes.add(b);
      } catch (ConfigException e) {
        throw CliException.usage(e.getMessage());
      }
    }
    if (nodes < k + m || nodes > 64) {
      throw CliException.usage("--nodes must be in k+m..64, got " + nodes);
    }
    Path root = dir != null ? dir : Files.createTempDirectory("cairn-bench-e2e-");
    Files.createDirectories(root);
    double expansion = (double) (k + m) / k;
    out.printf(
        Locale.ROOT,
        "cairn bench e2e: %d nodes on 127.0.0.1, k=%d m=%d (expansion %.2f), 4 MiB segments,"
            + " in %s%n",
        nodes,
        k,
        m,
        expansion,
        root);
    out.printf(
        Locale.ROOT,
        "  key derivation: %s%n",
        defaultKdf
            ? "default Argon2id (64 MiB, t=3), included in the upload times"
            : "cheapest Argon2id (8 KiB, t=1) so the figures measure the data path; pass"
                + " --default-kdf to include the default (about 1 s per upload)");
    out.printf(
        Locale.ROOT,
        "  machine: %d cores, java %s, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.flush();
    try {
      double loopback = Double.NaN;
      if (!noLimits) {
        loopback = loopbackMbPerSecond(LOOPBACK_MIB);
        out.printf(Locale.ROOT, "limit  loopback TCP, one connection %8.1f MB/s%n", loopback);
        out.flush();
      }
      Path netDir = root.resolve("network");
      long t0 = System.nanoTime();
      try (LocalNetwork net =
          LocalNetwork.start(netDir, nodes, LocalNetwork.Launch.ofCurrentJvm("64GiB"), err)) {
        out.printf(
            Locale.ROOT,
            "network: %d nodes ready in %.1f s%n",
            net.nodes().size(),
            (System.nanoTime() - t0) / 1e9);
        out.flush();
        for (long size : bytes) {
          runSize(out, err, root, netDir.resolve(NetworkFile.FILE_NAME), size, expansion, net);
        }
      }
    } finally {
      if (!keep) {
        deleteTree(root);
      }
    }
    return ExitCodes.OK;
  }

  private void runSize(
      PrintWriter out,
      PrintWriter err,
      Path root,
      Path networkFile,
      long size,
      double expansion,
      LocalNetwork net)
      throws Exception {
    String label = ByteSize.format(size);
    double disk = Double.NaN;
    if (!noLimits) {
      int files = (int) Math.max(MIN_DISK_FILES, Math.ceil(size * expansion / (1 << 20)));
      disk = diskMbPerSecond(root.resolve("disk-probe"), files);
      out.printf(
          Locale.ROOT,
          "%-8s limit    disk: %d new 1 MiB files synced one by one (what this upload stores)"
              + " %.1f MB/s -> upload limit at expansion %.2f: %.1f MB/s%n",
          label,
          files,
          disk,
          expansion,
          disk / expansion);
      out.flush();
    }
    Path input = root.resolve("input-" + size + ".bin");
    Path manifest = root.resolve("input-" + size + ".cmf");
    Path restored = root.resolve("restored-" + size + ".bin");
    Path upReport = root.resolve("upload-" + size + ".json");
    Path downReport = root.resolve("retrieve-" + size + ".json");
    byte[] want = writeRandom(input, size, seed);
    Path home = root.resolve("home");
    Files.createDirectories(home);
    Map<String, String> vars = new HashMap<>();
    vars.put("CAIRN_PASSWORD", "cairn bench e2e");
    CliEnv env = CliEnv.of(vars, home);
    List<String> up =
        new ArrayList<>(
            List.of(
                "upload",
                input.toString(),
                "-o",
                manifest.toString(),
                "--force",
                "--network",
                networkFile.toString(),
                "--k",
                Integer.toString(k),
                "--m",
                Integer.toString(m),
                "--report",
                upReport.toString(),
                "--quiet"));
    if (!defaultKdf) {
      UploadEngine.KdfCost c = UploadEngine.KdfCost.INSECURE_FOR_TESTS;
      up.addAll(
          List.of(
              "--kdf-memory",
              Integer.toString(c.memoryKiB()),
              "--kdf-iterations",
              Integer.toString(c.iterations())));
    }
    CpuProfile profile = CpuProfile.available() ? new CpuProfile(() -> processes(net)) : null;
    var mark0 = profile == null ? null : profile.mark();
    Cpu before = Cpu.now(net);
    double upSeconds = timed(env, err, up);
    Cpu afterUp = Cpu.now(net);
    var upProfile = profile == null ? null : profile.since(mark0);
    var mark1 = profile == null ? null : profile.mark();
    double upMb = size / upSeconds / 1e6;
    double downSeconds =
        timed(
            env,
            err,
            List.of(
                "retrieve",
                manifest.toString(),
                "-o",
                restored.toString(),
                "--force",
                "--network",
                networkFile.toString(),
                "--report",
                downReport.toString(),
                "--quiet"));
    Cpu afterDown = Cpu.now(net);
    var downProfile = profile == null ? null : profile.since(mark1);
    if (profile != null) {
      profile.close();
    }
    double downMb = size / downSeconds / 1e6;
    byte[] got = sha256(restored);
    if (!MessageDigest.isEqual(want, got)) {
      throw CliException.failure(
          "BENCH_MISMATCH", "the restored " + label + " file differs from the input");
    }
    double upLimit = disk / expansion;
    out.printf(
        Locale.ROOT,
        "%-8s upload   %8.1f MB/s  (%.1f s)%s%n",
        label,
        upMb,
        upSeconds,
        Double.isNaN(upLimit)
            ? ""
            : String.format(
                Locale.ROOT,
                "  = %.0f%% of the disk limit %.1f MB/s; floor %.0f%%: %s",
                100 * upMb / upLimit,
                upLimit,
                100 * UPLOAD_FLOOR,
                upMb >= UPLOAD_FLOOR * upLimit ? "met" : "MISSED"));
    out.printf(
        Locale.ROOT,
        "%-8s download %8.1f MB/s  (%.1f s)  floor %.0f MB/s: %s; byte-identical (SHA-256 %s)%n",
        label,
        downMb,
        downSeconds,
        DOWNLOAD_FLOOR_MB_S,
        downMb >= DOWNLOAD_FLOOR_MB_S ? "met" : "MISSED",
        HexFormat.of().formatHex(got, 0, 8));
    out.printf(
        Locale.ROOT,
        "%-8s cpu      upload: client %.1f s + nodes %.1f s in %.1f s wall (%.0f%% of %d cores);"
            + " download: client %.1f s + nodes %.1f s in %.1f s wall (%.0f%%)%n",
        label,
        afterUp.client() - before.client(),
        afterUp.nodes() - before.nodes(),
        upSeconds,
        100 * (afterUp.total() - before.total()) / upSeconds / CORES,
        CORES,
        afterDown.client() - afterUp.client(),
        afterDown.nodes() - afterUp.nodes(),
        downSeconds,
        100 * (afterDown.total() - afterUp.total()) / downSeconds / CORES);
    out.printf(Locale.ROOT, "%-8s stages   %s%n", label, stages(upReport, downReport));
    if (upProfile != null) {
      out.printf(
          Locale.ROOT,
          "%-8s profile  upload: %s%n",
          label,
          CpuProfile.describe(upProfile, upSeconds, CORES));
      out.printf(
          Locale.ROOT,
          "%-8s profile  download: %s%n",
          label,
          CpuProfile.describe(downProfile, downSeconds, CORES));
    }
    out.flush();
    Files.deleteIfExists(input);
    Files.deleteIfExists(restored);
  }

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /**
   * CPU seconds used so far by this JVM (the client) and by the node processes: with the wall time
   * this says whether a run was bound by the CPU and by which side.
   */
  record Cpu(double client, double nodes) {
    double total() {
      return client + nodes;
    }

    static Cpu now(LocalNetwork net) {
      double client = Double.NaN;
      if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        client = os.getProcessCpuTime() / 1e9;
      }
      double nodes = 0;
      for (LocalNetwork.RunningNode n : net.nodes()) {
        nodes +=
            n.process().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L) / 1e9;
      }
      return new Cpu(client, nodes);
    }
  }

  /** This JVM (the client) and the node processes, pid to side. */
  private static Map<Long, String> processes(LocalNetwork net) {
    Map<Long, String> m = new HashMap<>();
    m.put(ProcessHandle.current().pid(), "client");
    for (LocalNetwork.RunningNode n : net.nodes()) {
      m.put(n.process().pid(), "nodes");
    }
    return m;
  }

  /** The phase timings the two reports recorded, as one line. */
  private static String stages(Path upReport, Path downReport) throws IOException {
    var mapper = io.cairn.cli.common.JsonReport.mapper();
    var u = mapper.readTree(upReport.toFile());
    var d = mapper.readTree(downReport.toFile());
    return String.format(
        Locale.ROOT,
        "upload kdf %d ms, encode+store %d ms (stores span %d ms); retrieve kdf %d ms, fetch span"
            + " %d ms, pipeline %d ms",
        u.path("timings").path("kdfMs").asLong(),
        u.path("timings").path("encodeMs").asLong(),
        u.path("timings").path("storeMs").asLong(),
        d.path("timings").path("kdfMs").asLong(),
        d.path("timings").path("fetchMs").asLong(),
        d.path("timings").path("decodeMs").asLong());
  }

  private double timed(CliEnv env, PrintWriter err, List<String> args) throws CliException {
    StringWriter captured = new StringWriter();
    long t0 = System.nanoTime();
    int rc =
        Main.run(env, new PrintWriter(captured), new PrintWriter(err), args.toArray(String[]::new));
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (rc != 0) {
      throw CliException.failure(
          "BENCH_STEP_FAILED", "cairn " + args.getFirst() + " exited with " + rc + ": " + captured);
    }
    return seconds;
  }

  /** Streams {@code size} seeded random bytes to {@code file}; returns their SHA-256. */
  static byte[] writeRandom(Path file, long size, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    MessageDigest sha = sha();
    byte[] buf = new byte[1 << 20];
    try (OutputStream o = Files.newOutputStream(file)) {
      for (long left = size; left > 0; ) {
        int n = (int) Math.min(buf.length, left);
        random.nextBytes(buf);
        o.write(buf, 0, n);
        sha.update(buf, 0, n);
        left -= n;
      }
    }
    return sha.digest();
  }

  static byte[] sha256(Path file) throws IOException {
    MessageDigest sha = sha();
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
      }
    }
    return sha.digest();
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Writes {@code files} new 1 MiB files, each fsynced before the next (a node syncs every shard
   * before it signs a receipt); returns MB/s.
   */
  static double diskMbPerSecond(Path dir, int files) throws IOException {
    Files.createDirectories(dir);
    byte[] block = new byte[1 << 20];
    new SplittableRandom(7).nextBytes(block);
    ByteBuffer buf = ByteBuffer.wrap(block);
    long t0 = System.nanoTime();
    for (int i = 0; i < files; i++) {
      try (var ch =
          java.nio.channels.FileChannel.open(
              dir.resolve("f" + i), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        buf.clear();
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    deleteTree(dir);
    return (double) files * block.length / seconds / 1e6;
  }

  /** Pushes {@code mib} MiB through one loopback TCP connection; returns MB/s. */
  static double loopbackMbPerSecond(int mib) throws IOException, InterruptedException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      long total = (long) mib << 20;
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (Socket s = server.accept();
                        InputStream in = s.getInputStream()) {
                      byte[] b = new byte[1 << 20];
                      while (in.read(b) >= 0) {
                        // drain
                      }
                    } catch (IOException e) {
                      // the writer reports the failure
                    }
                  });
      long t0;
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        OutputStream o = s.getOutputStream();
        byte[] b = new byte[1 << 20];
        t0 = System.nanoTime();
        for (long sent = 0; sent < total; sent += b.length) {
          o.write(b);
        }
        s.shutdownOutput();
        reader.join();
      }
      return total / ((System.nanoTime() - t0) / 1e9) / 1e6;
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
