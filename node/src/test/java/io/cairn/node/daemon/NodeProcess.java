/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A storage node in its own JVM, started the way an operator starts one (the daemon's main with
 * command-line flags), listening on a free loopback port. Reads the printed listen line to learn
 * its full multiaddr. Its stderr (the node's logs) goes to a file that failures can show.
 */
final class NodeProcess implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 60;

  final Path dir;
  final Process process;
  final Multiaddr address;
  final String metricsUrl;
  private final Path stderr;

  private NodeProcess(
      Path dir, Process process, Multiaddr address, String metricsUrl, Path stderr) {
    this.dir = dir;
    this.process = process;
    this.address = address;
    this.metricsUrl = metricsUrl;
    this.stderr = stderr;
  }

  /** Starts a node on {@code dir} with {@code --listen /ip4/127.0.0.1/tcp/0} plus {@code args}. */
  static NodeProcess start(Path dir, String... args) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-Xmx384m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Dlogback.configurationFile=logback-node-process.xml");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NodeDaemon.class.getName());
    cmd.add("--dir");
    cmd.add(dir.toString());
    cmd.add("--listen");
    cmd.add("/ip4/127.0.0.1/tcp/0");
    cmd.add("--metrics");
    cmd.add("127.0.0.1:0");
    cmd.addAll(List.of(args));
    Path stderr = dir.resolveSibling(dir.getFileName() + "-stderr-" + System.nanoTime() + ".txt");
    Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
              lines.add("<eof>");
            });
    Multiaddr address = null;
    String metrics = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (address == null || metrics == null) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals("<eof>")) {
        p.destroyForcibly();
        throw new IOException(
            "node did not start ("
                + (line == null ? "timeout" : "exited")
                + "):\n"
                + Files.readString(stderr));
      }
      if (line.startsWith(NodeLauncher.LISTENING)) {
        address = Multiaddr.parse(line.substring(NodeLauncher.LISTENING.length()));
      } else if (line.startsWith(NodeLauncher.METRICS)) {
        metrics = line.substring(NodeLauncher.METRICS.length());
      }
    }
    return new NodeProcess(dir, p, address, metrics, stderr);
  }

  PeerId peerId() {
    return address.peerId().orElseThrow();
  }

  List<Multiaddr> addrs() {
    return List.of(address);
  }

  /** {@code GET} on the metrics endpoint's {@code path} ({@code /health}, {@code /metrics}). */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    String base = metricsUrl.substring(0, metricsUrl.length() - "/metrics".length());
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  /** SIGTERM, then waits for the exit; returns the exit code. */
  int terminate() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("node ignored SIGTERM:\n" + logs());
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  String logs() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() {
    process.toHandle().destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "NodeProcess[" + address + "]";
  }
}
