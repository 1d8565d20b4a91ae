/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.loop;

import io.cairn.cli.common.NetworkFile;
import io.cairn.cli.up.LocalNetwork;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real local network for end-to-end tests: storage nodes as separate {@code cairn node run}
 * processes (started by {@link LocalNetwork}, as {@code cairn up} does), optionally one {@link
 * RogueNode} in this JVM, and the {@code network.json} that lists them all. Nodes can be killed,
 * stopped and started again on the same data folder; the network file follows.
 */
final class TestNetwork implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (/\\S+)");
  static final String QUOTA = "8GiB";

  /** One process node: where its data lives and how to reach it now. */
  static final class Node {
    final String name;
    final Path dir;
    Process process;
    Multiaddr address;

    Node(String name, Path dir, Process process, Multiaddr address) {
      this.name = name;
      this.dir = dir;
      this.process = process;
      this.address = address;
    }

    PeerId peerId() {
      return address.peerId().orElseThrow();
    }

    boolean alive() {
      return process.isAlive();
    }
  }

  private final Path dir;
  private final LocalNetwork local;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Process> restarted = new ArrayList<>();
  private final RogueNode rogue;

  private TestNetwork(Path dir, LocalNetwork local, RogueNode rogue) {
    this.dir = dir;
    this.local = local;
    this.rogue = rogue;
    for (LocalNetwork.RunningNode n : local.nodes()) {
      nodes.add(new Node(n.name(), n.dir(), n.process(), n.address()));
    }
  }

  /** Starts {@code processes} node processes and, if asked, a rogue node, and writes the file. */
  static TestNetwork start(Path dir, int processes, boolean withRogue) throws Exception {
    LocalNetwork local =
        LocalNetwork.start(
            dir,
            processes,
            LocalNetwork.Launch.ofCurrentJvm(QUOTA),
            new PrintWriter(System.err, true));
    RogueNode rogue = null;
    try {
      if (withRogue) {
        rogue = RogueNode.start(dir.resolve("rogue"), local.nodes().getFirst().address());
      }
      TestNetwork net = new TestNetwork(dir, local, rogue);
      net.writeFile();
      return net;
    } catch (Exception e) {
      if (rogue != null) {
        rogue.close();
      }
      local.close();
      throw e;
    }
  }

  Path file() {
    return dir.resolve(NetworkFile.FILE_NAME);
  }

  List<Node> nodes() {
    return nodes;
  }

  Node node(PeerId id) {
    return nodes.stream().filter(n -> n.peerId().equals(id)).findFirst().orElseThrow();
  }

  RogueNode rogue() {
    return rogue;
  }

  /** SIGKILL: the node dies at once, as a crash or a pulled cable. */
  void kill(Node n) throws InterruptedException {
    n.process.destroyForcibly();
    n.process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait: a clean shutdown (memtables flushed). */
  void stop(Node n) throws InterruptedException {
    n.process.destroy();
    if (!n.process.waitFor(60, TimeUnit.SECONDS)) {
      n.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Starts the node again on its data folder (same identity, new port) and rewrites the file. */
  void restart(Node n) throws Exception {
    List<String> cmd = new ArrayList<>(LocalNetwork.Launch.ofCurrentJvm(QUOTA).javaCommand());
    cmd.addAll(
        List.of(
            "node",
            "run",
            "--dir",
            n.dir.toString(),
            "--listen",
            "/ip4/127.0.0.1/tcp/0",
            "--metrics",
            "127.0.0.1:0",
            "--quota",
            QUOTA,
            "--bootstrap",
            nodes.stream().filter(Node::alive).findFirst().orElseThrow().address.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    synchronized (restarted) {
      restarted.add(p);
    }
    CompletableFuture<String> ready = new CompletableFuture<>();
    Path log = n.dir.resolve("node.log");
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                  OutputStream out =
                      Files.newOutputStream(
                          log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String line; (line = in.readLine()) != null; ) {
                  out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    ready.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new IOException("node exited before listening"));
            });
    n.address = Multiaddr.parse(ready.get(60, TimeUnit.SECONDS));
    n.process = p;
    writeFile();
  }

  /** Rewrites {@code network.json} with every node's current address. */
  void writeFile() throws IOException {
    List<NetworkFile.Node> entries = new ArrayList<>();
    for (Node n : nodes) {
      entries.add(
          new NetworkFile.Node(
              n.name,
              n.peerId(),
              n.address,
              OptionalLong.of(n.process.pid()),
              Optional.of(n.name),
              Optional.empty()));
    }
    if (rogue != null) {
      entries.add(NetworkFile.Node.of("rogue", rogue.peerId(), rogue.address()));
    }
    new NetworkFile(Instant.now(), entries).write(file());
  }

  @Override
  public void close() {
    if (rogue != null) {
      rogue.close();
    }
    synchronized (restarted) {
      for (Process p : restarted) {
        p.destroy();
      }
      for (Process p : restarted) {
        try {
          if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
    local.close();
  }
}
