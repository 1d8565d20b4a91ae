/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.cli.ping;

import io.cairn.p2p.Host;
import io.cairn.p2p.HostConfig;
import io.cairn.p2p.P2pException;
import io.cairn.p2p.P2pStream;
import io.cairn.p2p.Ping;
import io.cairn.protocol.Multiaddr;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn ping <multiaddr>}: libp2p ping ({@code /ipfs/ping/1.0.0}) to any libp2p peer, with
 * output in the style of {@code ipfs ping}. Uses a throwaway identity and listens nowhere.
 */
@Command(
    name = "ping",
    mixinStandardHelpOptions = true,
    description = {
      "Send libp2p pings (/ipfs/ping/1.0.0) to a peer and print the round-trip times.",
      "Works with any libp2p peer over TCP + Noise + yamux (a Cairn node, kubo, js-libp2p...)."
    })
public final class PingCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "<multiaddr>",
      description = "The peer, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...")
  String address;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      defaultValue = "10",
      description = "Number of pings (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = {"-i", "--interval"},
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "Wait between pings, e.g. 1s, 200ms (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Dial timeout (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Multiaddr target;
    try {
      target = Multiaddr.parse(address);
    } catch (IllegalArgumentException e) {
      err.println("Error: invalid multiaddr: " + e.getMessage());
      return 2;
    }
    if (count < 1) {
      err.println("Error: --count must be at least 1");
      return 2;
    }
    HostConfig config =
        HostConfig.builder()
            .noListen()
            .timeouts(
                new HostConfig.Timeouts(
                    timeout, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofMinutes(5)))
            .eventLoopThreads(1)
            .build();
    try (Host host = Host.start(config)) {
      out.println("PING " + target.peerId().map(Object::toString).orElse(target.toString()) + ".");
      out.flush();
      long total = 0;
      int received = 0;
      try (P2pStream stream = host.openStreamBlocking(target, Ping.PROTOCOL_ID)) {
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            Thread.sleep(interval);
          }
          Duration rtt = Ping.roundTrip(stream);
          total += rtt.toNanos();
          received++;
          out.printf("Pong received: time=%.2f ms%n", rtt.toNanos() / 1e6);
          out.flush();
        }
      }
      out.printf("Average latency: %.2fms%n", total / 1e6 / received);
      out.flush();
      return 0;
    } catch (P2pException e) {
      err.println("Error: ping failed: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("Error: ping failed: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** Parses 1s, 250ms, 2m or an ISO-8601 duration. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(java.util.Locale.ROOT);
      try {
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
          return Duration.ofMillis(
              Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.parse(value);
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration (examples: 1s, 250ms, 2m)");
      }
    }
  }
}
