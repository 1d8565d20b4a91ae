/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.common;

import io.cairn.protocol.Multiaddr;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --network FILE} and {@code --bootstrap MULTIADDR}, as a picocli mixin: which nodes a
 * command talks to. {@link #resolve()} takes the nodes of the network file and adds the bootstrap
 * addresses; with neither option it reads the network file of {@code ./cairn up} in its default
 * place ({@link NetworkFile#defaultFile}); when there is none it fails with {@link
 * ExitCodes#NETWORK_UNAVAILABLE} and says how to get a network.
 */
public final class NetworkOptions {
  /** How to get a network, as the error messages say it. */
  public static final String HOW_TO_GET_ONE =
      "start one with ./cairn up, or pass --network FILE / --bootstrap MULTIADDR";

  /** The message when no network is found. */
  public static final String NO_NETWORK = "no network: " + HOW_TO_GET_ONE;

  @Option(
      names = "--network",
      paramLabel = "FILE",
      description = {
        "The network.json of a network started with ./cairn up.",
        "Default: $CAIRN_NETWORK_DIR/network.json, else ~/.cairn/network/network.json."
      })
  Path network;

  @Option(
      names = "--bootstrap",
      paramLabel = "MULTIADDR",
      split = ",",
      description = {
        "A node to start from, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...",
        "Repeatable; added to the nodes of --network."
      })
  List<String> bootstrap = new ArrayList<>();

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  public NetworkOptions() {}

  /**
   * The nodes to talk to, in order: those of the network file, then the bootstrap addresses.
   *
   * @param addresses distinct dial addresses, never empty
   * @param file the network file read, if one was
   * @param path where it was read from
   */
  public record Target(List<Multiaddr> addresses, Optional<NetworkFile> file, Optional<Path> path) {
    public Target {
      addresses = List.copyOf(addresses);
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("a network target needs at least one address");
      }
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(path, "path");
    }

    /** The directory of the network file, against which node data directories are relative. */
    public Optional<Path> directory() {
      return path.map(p -> p.toAbsolutePath().getParent());
    }
  }

  /** Resolves the options of the command this mixin belongs to; warnings go to its error stream. */
  public Target resolve() throws CliException, IOException {
    return resolve(
        Optional.ofNullable(network), bootstrap, CliEnv.of(mixee), mixee.commandLine().getErr());
  }

  /** {@link #resolve()} with everything passed in. */
  public static Target resolve(
      Optional<Path> networkFile, List<String> bootstrap, CliEnv env, PrintWriter err)
      throws CliException, IOException {
    Set<Multiaddr> addresses = new LinkedHashSet<>();
    Optional<NetworkFile> file = Optional.empty();
    Optional<Path> path = Optional.empty();
    List<Multiaddr> extra = new ArrayList<>();
    for (String text : bootstrap) {
      try {
        extra.add(Multiaddr.parse(text.strip()));
      } catch (IllegalArgumentException e) {
        throw CliException.usage(
            "--bootstrap '" + text + "' is not a multiaddr: " + e.getMessage());
      }
    }
    Path candidate = networkFile.orElse(null);
    if (candidate == null && extra.isEmpty()) {
      candidate = NetworkFile.defaultFile(env);
      if (!Files.exists(candidate)) {
        throw new CliException(
            ExitCodes.NETWORK_UNAVAILABLE, "NO_NETWORK", NO_NETWORK + " (no " + candidate + ")");
      }
    }
    if (candidate != null) {
      if (!Files.exists(candidate)) {
        throw new CliException(
            ExitCodes.NETWORK_UNAVAILABLE,
            "NO_NETWORK",
            "network file " + candidate + " does not exist; " + HOW_TO_GET_ONE);
      }
      NetworkFile f = NetworkFile.read(candidate);
      if (f.nodes().isEmpty() && extra.isEmpty()) {
        throw new CliException(
            ExitCodes.NETWORK_UNAVAILABLE,
            "NO_NETWORK",
            "network file " + candidate + " lists no nodes");
      }
      warnIfStopped(f, candidate, err);
      addresses.addAll(f.dialAddresses());
      file = Optional.of(f);
      path = Optional.of(candidate);
    }
    addresses.addAll(extra);
    return new Target(List.copyOf(addresses), file, path);
  }

  /** A network file whose node processes all ended is most likely a network that was stopped. */
  private static void warnIfStopped(NetworkFile f, Path file, PrintWriter err) {
    List<NetworkFile.Node> local = f.nodes().stream().filter(n -> n.pid().isPresent()).toList();
    if (local.isEmpty() || local.size() != f.nodes().size()) {
      return;
    }
    boolean anyAlive =
        local.stream()
            .anyMatch(
                n ->
                    ProcessHandle.of(n.pid().getAsLong())
                        .map(ProcessHandle::isAlive)
                        .orElse(false));
    if (!anyAlive) {
      err.println(
          "cairn: warning: none of the node processes listed in "
              + file
              + " is running; start the network again with ./cairn up");
      err.flush();
    }
  }
}
