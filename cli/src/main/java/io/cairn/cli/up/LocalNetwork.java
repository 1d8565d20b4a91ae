/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.up;

import io.cairn.cli.common.NetworkFile;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole Cairn network on 127.0.0.1: N storage nodes, each its own OS process running {@code cairn
 * node run} in {@code DIR/node-i}. The first node starts alone; the others bootstrap from it, so a
 * client that knows any node learns the rest. Data folders (and so identities and shards) persist:
 * starting again in the same directory resumes the same network.
 */
public final class LocalNetwork implements AutoCloseable {
  /**
   * JVM options that let C2 compile the JDK's Poly1305 after a twentieth of the usual invocations,
   * so that Noise decryption reaches the CPU intrinsic early in a node's life. (The {@code ./cairn}
   * launcher does the same for the whole crypto provider, which helps a short-lived client; for
   * nodes the wider setting cost more compilation than it saved.)
   */
  public static final List<String> CRYPTO_EARLY_C2 =
      List.of(
          "-XX:CompileCommand=quiet",
          "-XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.Poly1305::*,0.05");

  /** The line a node prints once it listens; the address ends in {@code /p2p/<peer id>}. */
  static final Pattern LISTENING = Pattern.compile("listening on (/\\S+)");

  static final Pattern METRICS = Pattern.compile("metrics (?:on|at) (http://\\S+)");

  /** How a node process is started. */
  public record Launch(List<String> javaCommand, String quota, Duration startTimeout) {
    public Launch {
      javaCommand = List.copyOf(javaCommand);
    }

    /** The java running this process, with its class path, and the node's JVM options. */
    public static Launch ofCurrentJvm(String quota) {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>();
      cmd.add(java);
      cmd.add("--enable-native-access=ALL-UNNAMED");
      cmd.add("-Xmx512m");
      cmd.add("-XX:+UseSerialGC");
      // Six nodes share a small machine: one GC thread each, no concurrent collector threads.
      // C2 compiles only what stays hot (four times HotSpot's default thresholds): six JVMs each
      // compiling their lukewarm code cost the nodes a third of their CPU in a 1 GiB upload
      // (docs/benchmarks.md); a long-running node loses nothing by compiling its cold paths later.
      cmd.add("-XX:Tier4InvocationThreshold=20000");
      cmd.add("-XX:Tier4MinInvocationThreshold=2000");
      cmd.add("-XX:Tier4CompileThreshold=40000");
      // ...except the JDK's crypto, whose intrinsics exist only in C2-compiled callers: a node
      // decrypts a few thousand Noise frames per GiB, too few to reach even the default
      // threshold, and Poly1305 ran as plain Java (0.8 of 4.1 CPU-s on the event loops).
      cmd.addAll(CRYPTO_EARLY_C2);
      // CAIRN_NODE_JAVA_OPTS adds JVM options to every node (profiling, heap size, ...).
      String extra = System.getenv("CAIRN_NODE_JAVA_OPTS");
      if (extra != null && !extra.isBlank()) {
        cmd.addAll(List.of(extra.trim().split("\\s+")));
      }
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("io.cairn.cli.Main");
      return new Launch(cmd, quota, Duration.ofSeconds(60));
    }
  }

  /** One running node. */
  public record RunningNode(
      String name, Path dir, Process process, Multiaddr address, Optional<String> metrics) {
    public PeerId peerId() {
      return address.peerId().orElseThrow();
    }
  }

  private final Path dir;
  private final List<RunningNode> nodes = new ArrayList<>();
  private final PrintWriter err;

  private LocalNetwork(Path dir, PrintWriter err) {
    this.dir = dir;
    this.err = err;
  }

  /**
   * Starts {@code count} nodes in {@code dir} (more if an earlier run left more node folders) and
   * writes {@code dir/network.json}.
   */
  public static LocalNetwork start(Path dir, int count, Launch launch, PrintWriter err)
      throws IOException {
    Files.createDirectories(dir);
    int existing = 0;
    while (Files.isDirectory(dir.resolve(nodeName(existing + 1)))) {
      existing++;
    }
    int total = Math.max(count, existing);
    LocalNetwork network = new LocalNetwork(dir, err);
    boolean ok = false;
    try {
      RunningNode first = network.launch(1, launch, Optional.empty());
      List<CompletableFuture<RunningNode>> rest = new ArrayList<>();
      for (int i = 2; i <= total; i++) {
        int n = i;
        rest.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return network.launch(n, launch, Optional.of(first.address()));
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }));
      }
      for (CompletableFuture<RunningNode> f : rest) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while starting nodes");
        } catch (ExecutionException e) {
          Throwable c = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e;
          throw c instanceof IOException io ? io : new IOException(c.getMessage(), c);
        }
      }
      synchronized (network.nodes) {
        network.nodes.sort(
            java.util.Comparator.comparing(RunningNode::name, LocalNetwork::byNumber));
      }
      network.writeNetworkFile();
      ok = true;
      return network;
    } finally {
      if (!ok) {
        network.close();
      }
    }
  }

  static String nodeName(int i) {
    return "node-" + i;
  }

  private static int byNumber(String a, String b) {
    return Integer.compare(
        Integer.parseInt(a.substring(a.indexOf('-') + 1)),
        Integer.parseInt(b.substring(b.indexOf('-') + 1)));
  }

  private RunningNode launch(int i, Launch launch, Optional<Multiaddr> bootstrap)
      throws IOException {
    String name = nodeName(i);
    Path nodeDir = dir.resolve(name);
    Files.createDirectories(nodeDir);
    List<String> cmd = new ArrayList<>(launch.javaCommand());
    cmd.addAll(
        List.of(
            "node",
            "run",
            "--dir",
            nodeDir.toString(),
            "--listen",
            "/ip4/127.0.0.1/tcp/0",
            "--metrics",
            "127.0.0.1:0",
            "--quota",
            launch.quota()));
    bootstrap.ifPresent(b -> cmd.addAll(List.of("--bootstrap", b.toString())));
    Path log = nodeDir.resolve("node.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Process process = pb.start();
    CompletableFuture<String[]> ready = new CompletableFuture<>();
    Thread pump =
        Thread.ofVirtual().name("cairn-up-" + name).start(() -> pumpOutput(process, log, ready));
    try {
      String[] found = ready.get(launch.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      Multiaddr address = Multiaddr.parse(found[0]);
      if (address.peerId().isEmpty()) {
        throw new IOException(name + " printed an address without /p2p/<peer id>: " + found[0]);
      }
      RunningNode node =
          new RunningNode(name, nodeDir, process, address, Optional.ofNullable(found[1]));
      synchronized (nodes) {
        nodes.add(node);
      }
      return node;
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      pump.interrupt();
      throw new IOException(
          name
              + " did not start within "
              + launch.startTimeout().toSeconds()
              + " s"
              + (e instanceof ExecutionException ee ? ": " + ee.getCause().getMessage() : "")
              + "; see "
              + log);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while starting " + name);
    }
  }

  /** Copies a node's output to its log, and completes {@code ready} at the listening line. */
  private static void pumpOutput(Process process, Path log, CompletableFuture<String[]> ready) {
    String metrics = null;
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out =
            Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (!ready.isDone()) {
          Matcher mm = METRICS.matcher(line);
          if (mm.find()) {
            metrics = mm.group(1);
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            ready.complete(new String[] {m.group(1), metrics});
          }
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(
        new IOException(
            "the node exited with status " + exitStatus(process) + " before listening"));
  }

  private static String exitStatus(Process p) {
    try {
      return p.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(p.exitValue()) : "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private void writeNetworkFile() throws IOException {
    List<NetworkFile.Node> entries = new ArrayList<>();
    for (RunningNode n : nodes()) {
      entries.add(
          new NetworkFile.Node(
              n.name(),
              n.peerId(),
              n.address(),
              OptionalLong.of(n.process().pid()),
              Optional.of(n.name()),
              n.metrics()));
    }
    new NetworkFile(Instant.now(), entries).write(dir.resolve(NetworkFile.FILE_NAME));
  }

  public Path dir() {
    return dir;
  }

  public List<RunningNode> nodes() {
    synchronized (nodes) {
      return List.copyOf(nodes);
    }
  }

  /** Waits until any node process exits; returns it. */
  public RunningNode awaitAnyExit() throws InterruptedException {
    return awaitAnyExit(java.util.Set.of());
  }

  /**
   * Waits until a node process not in {@code seen} exits, and returns it; returns null at once when
   * every node is in {@code seen}.
   */
  public RunningNode awaitAnyExit(java.util.Set<RunningNode> seen) throws InterruptedException {
    List<RunningNode> all = new ArrayList<>(nodes());
    all.removeAll(seen);
    if (all.isEmpty()) {
      return null;
    }
    CompletableFuture<?>[] exits =
        all.stream().map(n -> n.process().onExit()).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.anyOf(exits).get();
    } catch (ExecutionException e) {
      // onExit never fails
    }
    for (RunningNode n : all) {
      if (!n.process().isAlive()) {
        return n;
      }
    }
    return all.get(0);
  }

  /** Stops every node with SIGTERM, waiting up to 15 s each before SIGKILL. */
  @Override
  public void close() {
    List<RunningNode> all = nodes();
    for (RunningNode n : all) {
      n.process().destroy();
    }
    for (RunningNode n : all) {
      try {
        if (!n.process().waitFor(15, TimeUnit.SECONDS)) {
          err.println("cairn up: " + n.name() + " did not stop within 15 s; killing it");
          err.flush();
          n.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        n.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
