/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.daemon;

import io.cairn.node.config.ConfigException;
import io.cairn.node.config.NodeConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings {@code cairn node run} takes on its command line, each overriding the same key of
 * the config file ({@link NodeConfig}).
 *
 * @param listen {@code --listen MULTIADDR}, repeatable
 * @param bootstrap {@code --bootstrap MULTIADDR}, repeatable, each ending in {@code /p2p/<id>}
 * @param allow {@code --allow PEER_ID}, repeatable
 * @param quota {@code --quota SIZE}, e.g. {@code 10GiB}
 * @param metrics {@code --metrics HOST:PORT} ({@code [::1]:9464} for IPv6; port 0 picks one)
 */
public record NodeFlags(
    List<String> listen,
    List<String> bootstrap,
    List<String> allow,
    Optional<String> quota,
    Optional<String> metrics) {
  public NodeFlags {
    listen = List.copyOf(listen);
    bootstrap = List.copyOf(bootstrap);
    allow = List.copyOf(allow);
    Objects.requireNonNull(quota, "quota");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** No flags: everything from the config file or the defaults. */
  public static NodeFlags none() {
    return new NodeFlags(List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  /**
   * The flags as config keys and values, for {@link NodeConfig#resolve}.
   *
   * @throws ConfigException if {@code --metrics} is not {@code HOST:PORT}
   */
  public Map<String, String> toSettings() throws ConfigException {
    Map<String, String> m = new LinkedHashMap<>();
    if (!listen.isEmpty()) {
      m.put(NodeConfig.LISTEN, String.join(",", listen));
    }
    if (!bootstrap.isEmpty()) {
      m.put(NodeConfig.BOOTSTRAP, String.join(",", bootstrap));
    }
    if (!allow.isEmpty()) {
      m.put(NodeConfig.ALLOWLIST, String.join(",", allow));
    }
    quota.ifPresent(q -> m.put(NodeConfig.QUOTA, q));
    if (metrics.isPresent()) {
      String v = metrics.get().strip();
      int colon = v.lastIndexOf(':');
      if (colon <= 0 || colon == v.length() - 1) {
        throw new ConfigException(
            "--metrics '" + v + "' is not HOST:PORT (e.g. 127.0.0.1:9464, [::1]:0)");
      }
      String host = v.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      m.put(NodeConfig.METRICS_HOST, host);
      m.put(NodeConfig.METRICS_PORT, v.substring(colon + 1));
    }
    return m;
  }
}
