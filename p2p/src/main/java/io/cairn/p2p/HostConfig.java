/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.p2p;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.crypto.Ed25519;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Host} runs. Build one with {@link #builder(Ed25519.KeyPair)}.
 *
 * @param identity the Ed25519 identity key; its peer id is the host's
 * @param listenAddresses TCP addresses to listen on ({@code /ip4/127.0.0.1/tcp/0} picks a free
 *     port); empty for a host that only dials
 * @param inlineMuxer offer {@code /yamux/1.0.0} inside the Noise payload (inlined muxer
 *     negotiation, as js-libp2p does by default); false negotiates it with multistream-select
 * @param gater decides which peers may connect, after the handshake proves who they are
 * @param limits connection, stream and size limits
 * @param timeouts dial, handshake, idle and backoff timing
 * @param eventLoopThreads Netty I/O threads; 0 picks the number of cores
 */
public record HostConfig(
    Ed25519.KeyPair identity,
    List<Multiaddr> listenAddresses,
    boolean inlineMuxer,
    ConnectionGater gater,
    Limits limits,
    Timeouts timeouts,
    int eventLoopThreads) {

  public HostConfig {
    Objects.requireNonNull(identity, "identity");
    listenAddresses = List.copyOf(listenAddresses);
    for (Multiaddr a : listenAddresses) {
      if (!a.hasHostAndPort() || a.find(Multiaddr.Protocol.TCP).isEmpty()) {
        throw new IllegalArgumentException("listen address " + a + " is not a TCP address");
      }
    }
    Objects.requireNonNull(gater, "gater");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(timeouts, "timeouts");
    if (eventLoopThreads < 0) {
      throw new IllegalArgumentException("eventLoopThreads must be >= 0");
    }
  }

  /**
   * Limits that keep one peer from taking all of the host's memory or threads.
   *
   * @param maxConnections open connections, both directions, pending dials included
   * @param maxStreamsPerConnection streams open at once on one connection
   * @param maxMessageSize the cap on any {@link P2pStream#readMessage} size
   * @param maxStreamWindow how far a stream's receive window may grow (buffered bytes per stream)
   */
  public record Limits(
      int maxConnections, int maxStreamsPerConnection, int maxMessageSize, int maxStreamWindow) {
    public Limits {
      if (maxConnections < 1 || maxStreamsPerConnection < 1 || maxMessageSize < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
      if (maxStreamWindow < 256 * 1024) {
        throw new IllegalArgumentException("maxStreamWindow must be at least 256 KiB");
      }
    }

    public static Limits defaults() {
      return new Limits(1024, 512, 64 * 1024 * 1024, 16 * 1024 * 1024);
    }
  }

  /**
   * @param dial TCP connect plus security and muxer handshake, for one address
   * @param idle a connection with no open stream for this long is closed
   * @param backoffBase the first wait after an address failed; doubles on each failure
   * @param backoffMax the longest wait
   */
  public record Timeouts(Duration dial, Duration idle, Duration backoffBase, Duration backoffMax) {
    public Timeouts {
      for (Duration d : List.of(dial, idle, backoffBase, backoffMax)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("timeouts must be positive");
        }
      }
    }

    public static Timeouts defaults() {
      return new Timeouts(
          Duration.ofSeconds(10),
          Duration.ofMinutes(2),
          Duration.ofSeconds(1),
          Duration.ofMinutes(5));
    }
  }

  public static Builder builder(Ed25519.KeyPair identity) {
    return new Builder(identity);
  }

  /** A host with a fresh random identity; for tests and one-shot tools like {@code cairn ping}. */
  public static Builder builder() {
    return new Builder(Ed25519.generate(new SecureRandom()));
  }

  /** Builds a {@link HostConfig}; everything but the identity has a default. */
  public static final class Builder {
    private final Ed25519.KeyPair identity;
    private List<Multiaddr> listen = List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"));
    private boolean inlineMuxer = true;
    private ConnectionGater gater = ConnectionGater.ALLOW_ALL;
    private Limits limits = Limits.defaults();
    private Timeouts timeouts = Timeouts.defaults();
    private int eventLoopThreads;

    private Builder(Ed25519.KeyPair identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
    }

    public Builder listen(List<Multiaddr> addresses) {
      this.listen = List.copyOf(addresses);
      return this;
    }

    public Builder listen(String... addresses) {
      this.listen = java.util.Arrays.stream(addresses).map(Multiaddr::parse).toList();
      return this;
    }

    /** Dial only; accept no inbound connection. */
    public Builder noListen() {
      this.listen = List.of();
      return this;
    }

    public Builder inlineMuxer(boolean inline) {
      this.inlineMuxer = inline;
      return this;
    }

    public Builder gater(ConnectionGater gater) {
      this.gater = gater;
      return this;
    }

    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = timeouts;
      return this;
    }

    public Builder eventLoopThreads(int threads) {
      this.eventLoopThreads = threads;
      return this;
    }

    public HostConfig build() {
      return new HostConfig(
          identity, listen, inlineMuxer, gater, limits, timeouts, eventLoopThreads);
    }
  }
}
