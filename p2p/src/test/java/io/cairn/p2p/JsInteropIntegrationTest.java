/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.p2p.internal.host.Connection;
import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import io.cairn.protocol.crypto.Ed25519;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cairn against js-libp2p 3.x (a real libp2p implementation that no one here wrote), both ways,
 * with ping and a 5 MiB echo on {@code /cairn/echo/1.0.0}, with and without inlined muxer
 * negotiation. The npm packages are pinned by {@code src/test/js/package-lock.json}; this test runs
 * {@code npm ci} itself when {@code node_modules} is missing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class JsInteropIntegrationTest {
  private static final Logger LOG = LoggerFactory.getLogger(JsInteropIntegrationTest.class);
  private static final Path JS_DIR = Path.of("src", "test", "js").toAbsolutePath();
  private static final int FIVE_MIB = 5 * 1024 * 1024;

  /** How the two sides choose the muxer. */
  enum Mode {
    /** Both offer yamux in the Noise payload: multistream-select for the muxer is skipped. */
    INLINED(true, false, true),
    /** Neither offers a muxer (js sends an empty extensions message): multistream-select. */
    MULTISTREAM(false, true, false),
    /** js offers yamux, Java offers none and ignores js's list: multistream-select. */
    JAVA_OFFERS_NONE(false, false, false);

    final boolean javaInline;
    final boolean jsNoInline;
    final boolean expectInlined;

    Mode(boolean javaInline, boolean jsNoInline, boolean expectInlined) {
      this.javaInline = javaInline;
      this.jsNoInline = jsNoInline;
      this.expectInlined = expectInlined;
    }
  }

  private final List<Host> hosts = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  @BeforeAll
  static void installJsLibp2p() throws Exception {
    if (!commandWorks("node", "--version") || !commandWorks("npm", "--version")) {
      String msg =
          "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
              + "!! SKIPPING js-libp2p interop tests: node and npm are not on the PATH.   !!\n"
              + "!! Install Node.js 20+ to run them.                                      !!\n"
              + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!";
      System.err.println(msg);
      LOG.error(msg);
      Assumptions.abort("node/npm not installed");
    }
    if (!Files.isDirectory(JS_DIR.resolve("node_modules").resolve("libp2p"))) {
      LOG.info("installing js-libp2p from the lockfile: npm ci in {}", JS_DIR);
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(JS_DIR.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(npm.waitFor(10, TimeUnit.MINUTES), "npm ci timed out");
      assertEquals(0, npm.exitValue(), "npm ci failed:\n" + out);
    }
  }

  private static boolean commandWorks(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (Process p : processes) {
      p.getOutputStream().close(); // the js listener exits when stdin closes
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    hosts.forEach(Host::close);
  }

  private Host startJava(boolean inline) throws IOException {
    Host h = Host.start(HostConfig.builder().inlineMuxer(inline).build());
    h.handle(HostIntegrationTest.ECHO, HostIntegrationTest::echo);
    hosts.add(h);
    return h;
  }

  private Process node(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("node", "peer.mjs"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).directory(JS_DIR.toFile()).redirectErrorStream(true).start();
    processes.add(p);
    return p;
  }

  private List<String> jsArgs(Mode mode, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (mode.jsNoInline) {
      all.add("--no-inline-muxer");
    }
    return all;
  }

  /** Starts a js listener and returns its multiaddr (with /p2p). */
  private Multiaddr startJsListener(Mode mode) throws IOException {
    Process p = node(jsArgs(mode, "listen").toArray(String[]::new));
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("LISTEN ")) {
        Multiaddr addr = Multiaddr.parse(line.substring(7).trim());
        Thread.ofVirtual().start(() -> drain(r)); // keep its stdout flowing
        return addr;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("js listener ended before printing its address:\n" + seen);
  }

  private static void drain(BufferedReader r) {
    try {
      String line;
      while ((line = r.readLine()) != null) {
        LOG.info("js: {}", line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void jsShouldDialJavaPingAndEchoFiveMebibytes(Mode mode) throws Exception {
    Host java = startJava(mode.javaInline);
    Process js = node(jsArgs(mode, "dial", java.listenAddress().toString()).toArray(String[]::new));
    String out = new String(js.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(js.waitFor(120, TimeUnit.SECONDS), "js dialer timed out:\n" + out);
    assertEquals(0, js.exitValue(), "js dialer failed (" + mode + "):\n" + out);
    assertTrue(out.contains("ECHO " + FIVE_MIB + " "), out);
    assertTrue(out.lines().anyMatch("OK"::equals), out);
    LOG.info("js -> java ({}):\n{}", mode, out);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void javaShouldDialJsPingAndEchoFiveMebibytes(Mode mode) throws Exception {
    Multiaddr js = startJsListener(mode);
    Host java = startJava(mode.javaInline);

    Duration rtt = java.ping(js).get(60, TimeUnit.SECONDS);
    assertTrue(rtt.toNanos() > 0);

    byte[] data = HostIntegrationTest.randomBytes(7, FIVE_MIB);
    try (P2pStream s = java.openStream(js, HostIntegrationTest.ECHO).get(60, TimeUnit.SECONDS)) {
      assertEquals(js.peerId().orElseThrow(), s.remotePeer());
      byte[] back = HostIntegrationTest.echoThrough(s, data);
      assertEquals(data.length, back.length);
      assertArrayEquals(
          MessageDigest.getInstance("SHA-256").digest(data),
          MessageDigest.getInstance("SHA-256").digest(back));
    }
    assertTrue(java.ping(js).get(60, TimeUnit.SECONDS).toNanos() > 0);

    List<Connection> conns = java.network().connectionsTo(js.peerId().orElseThrow());
    assertEquals(1, conns.size(), "one reused connection");
    assertEquals(mode.expectInlined, conns.getFirst().isMuxerInlined(), "muxer inlined");
  }

  @Test
  void javaShouldRefuseAJsPeerThatIsNotTheDialedPeerId() throws Exception {
    Multiaddr js = startJsListener(Mode.INLINED);
    Host java = startJava(true);
    PeerId other = PeerId.of(Ed25519.generate(new SecureRandom()).publicKey());
    Multiaddr wrong = js.withoutPeerId().withPeerId(other);
    CompletionException e = assertThrows(CompletionException.class, () -> java.ping(wrong).join());
    P2pException p = assertInstanceOf(P2pException.class, e.getCause());
    assertEquals(P2pException.Reason.PEER_ID_MISMATCH, p.reason());
    // The real id still works afterwards.
    assertTrue(java.ping(js).get(60, TimeUnit.SECONDS).toNanos() > 0);
  }

  @Test
  void jsShouldRefuseJavaWhenDialingAnotherPeerId() throws Exception {
    Host java = startJava(true);
    PeerId other = PeerId.of(Ed25519.generate(new SecureRandom()).publicKey());
    Multiaddr wrong = java.listenAddress().withoutPeerId().withPeerId(other);
    Process js = node("dial", wrong.toString(), "--size", "1024");
    String out = new String(js.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(js.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(1, js.exitValue(), out);
    assertTrue(out.contains("ERROR"), out);
  }
}
