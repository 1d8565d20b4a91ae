/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.cli.common.NetworkFile;
import io.cairn.protocol.PeerId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn up} as a user runs it, in its own process: ready with a network file, a node killed
 * under it leaves the others serving, SIGTERM (as Ctrl-C) stops every node, and a second run in the
 * same folder resumes the same identities.
 */
class UpCommandIntegrationTest {
  @TempDir Path dir;

  /** A running {@code cairn up} whose output lines arrive in {@link #lines}. */
  private record Up(Process process, BlockingQueue<String> lines) {
    String await(String fragment) throws InterruptedException {
      StringBuilder seen = new StringBuilder();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline) {
        String l = lines.poll(1, TimeUnit.SECONDS);
        if (l == null) {
          continue;
        }
        seen.append(l).append('\n');
        if (l.contains(fragment)) {
          return l;
        }
      }
      throw new AssertionError(
          "no line with \""
              + fragment
              + "\" in:\n"
              + seen
              + "(cairn up "
              + (process.isAlive() ? "still running" : "exited with " + process.exitValue())
              + ")");
    }
  }

  private Up start(Path networkDir) throws Exception {
    List<String> cmd = new ArrayList<>(LocalNetwork.Launch.ofCurrentJvm("1GiB").javaCommand());
    cmd.addAll(List.of("up", "--nodes", "3", "--dir", networkDir.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                  lines.add(l);
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    return new Up(p, lines);
  }

  @Test
  void shouldKeepServingWhenANodeDiesStopOnSigtermAndResume() throws Exception {
    Path networkDir = dir.resolve("net");
    Up up = start(networkDir);
    List<PeerId> first;
    try {
      up.await("nodes ready in");
      NetworkFile file = NetworkFile.read(networkDir.resolve(NetworkFile.FILE_NAME));
      assertEquals(3, file.nodes().size());
      first = file.nodes().stream().map(NetworkFile.Node::peerId).toList();

      // Kill one node the hard way: up says so and the other two keep running.
      NetworkFile.Node victim = file.nodes().get(1);
      ProcessHandle vh = ProcessHandle.of(victim.pid().orElseThrow()).orElseThrow();
      vh.destroyForcibly();
      String line = up.await(victim.name() + " exited");
      assertTrue(line.contains("2 node(s) still serving"), line);
      assertTrue(up.process().isAlive(), "up keeps running");
      for (NetworkFile.Node n : List.of(file.nodes().get(0), file.nodes().get(2))) {
        assertTrue(
            ProcessHandle.of(n.pid().orElseThrow()).map(ProcessHandle::isAlive).orElse(false),
            n.name() + " still serves");
      }

      // SIGTERM, as Ctrl-C would: every node stops cleanly. (Through the handle: Process.destroy
      // would also close the pipe the output comes through.)
      up.process().toHandle().destroy();
      up.await("cairn up: stopped");
      assertTrue(up.process().waitFor(60, TimeUnit.SECONDS));
      for (NetworkFile.Node n : file.nodes()) {
        ProcessHandle.of(n.pid().orElseThrow())
            .ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
      }
    } finally {
      up.process().destroyForcibly();
    }

    // A second run resumes the same network, the killed node included.
    Up again = start(networkDir);
    try {
      again.await("nodes ready in");
      List<PeerId> second =
          NetworkFile.read(networkDir.resolve(NetworkFile.FILE_NAME)).nodes().stream()
              .map(NetworkFile.Node::peerId)
              .toList();
      assertEquals(first, second, "same identities after a restart");
      again.process().toHandle().destroy();
      again.await("cairn up: stopped");
      assertTrue(again.process().waitFor(60, TimeUnit.SECONDS));
    } finally {
      again.process().destroyForcibly();
    }
  }
}
