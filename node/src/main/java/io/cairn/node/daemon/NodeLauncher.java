/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import io.cairn.node.config.ConfigException;
import io.cairn.node.config.NodeConfig;
import io.cairn.protocol.Multiaddr;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a node in the foreground: resolves its config, starts it, prints where it listens, and
 * blocks until SIGTERM or SIGINT, which run a graceful shutdown through a JVM shutdown hook.
 *
 * <p>Once listening it prints, one line each and flushed, in this stable format:
 *
 * <pre>
 * cairn node metrics on http://127.0.0.1:40124/metrics
 * cairn node listening on /ip4/127.0.0.1/tcp/40123/p2p/12D3KooW...
 * </pre>
 *
 * (the metrics line first, so a reader may stop at the first listening line).
 */
public final class NodeLauncher {
  /** Prefix of the line that gives each full listen multiaddr. */
  public static final String LISTENING = "cairn node listening on ";

  /** Prefix of the line that gives the metrics URL. */
  public static final String METRICS = "cairn node metrics on ";

  private NodeLauncher() {}

  /**
   * Resolves the config: {@code configFile} if given (it must exist), else {@code
   * dir/node.properties} if it exists; flags override either.
   */
  public static NodeConfig config(Path dir, Optional<Path> configFile, NodeFlags flags)
      throws ConfigException {
    Path file = configFile.orElse(dir.resolve(NodeConfig.FILE_NAME));
    if (configFile.isPresent() && !Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist");
    }
    Map<String, String> values = NodeConfig.readFile(file);
    return NodeConfig.resolve(values, flags.toSettings());
  }

  /**
   * Starts the node and blocks until it has shut down.
   *
   * @return 0 after a shutdown, 2 for a config error, 1 if the node could not start
   */
  public static int run(
      Path dir, Optional<Path> configFile, NodeFlags flags, PrintWriter out, PrintWriter err) {
    NodeConfig config;
    try {
      config = config(dir, configFile, flags);
    } catch (ConfigException e) {
      err.println("Error: " + e.getMessage());
      err.flush();
      return 2;
    }
    NodeDaemon daemon;
    try {
      daemon = NodeDaemon.start(dir, config);
    } catch (NodeStartException e) {
      err.println("Error: the node could not start: " + e.getMessage());
      err.flush();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "cairn-node-shutdown"));
    String host = config.metricsHost();
    out.println(
        METRICS
            + "http://"
            + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
            + ":"
            + daemon.metricsPort()
            + "/metrics");
    for (Multiaddr a : daemon.listenAddresses()) {
      out.println(LISTENING + a);
    }
    out.flush();
    try {
      daemon.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      daemon.close();
    }
    return 0;
  }

  /**
   * The same flags as {@code cairn node run}, parsed without the CLI (for running a node from a
   * plain classpath): {@code --dir DIR [--config FILE] [--listen A]... [--bootstrap A]... [--allow
   * PEER]... [--quota SIZE] [--metrics HOST:PORT]}.
   */
  public static int runArgs(String[] args, PrintWriter out, PrintWriter err) {
    Path dir = null;
    Optional<Path> config = Optional.empty();
    List<String> listen = new ArrayList<>();
    List<String> bootstrap = new ArrayList<>();
    List<String> allow = new ArrayList<>();
    Optional<String> quota = Optional.empty();
    Optional<String> metrics = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        err.println("Error: " + flag + " needs a value");
        err.flush();
        return 2;
      }
      String v = args[++i];
      switch (flag) {
        case "--dir" -> dir = Path.of(v);
        case "--config" -> config = Optional.of(Path.of(v));
        case "--listen" -> listen.add(v);
        case "--bootstrap" -> bootstrap.add(v);
        case "--allow" -> allow.add(v);
        case "--quota" -> quota = Optional.of(v);
        case "--metrics" -> metrics = Optional.of(v);
        default -> {
          err.println("Error: unknown option " + flag);
          err.flush();
          return 2;
        }
      }
    }
    if (dir == null) {
      err.println("Error: --dir DIR is required");
      err.flush();
      return 2;
    }
    return run(dir, config, new NodeFlags(listen, bootstrap, allow, quota, metrics), out, err);
  }

  /** {@link #runArgs} on stdout and stderr; exits with its code. */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = runArgs(args, out, err);
    if (code != 0) {
      System.exit(code);
    }
  }
}
