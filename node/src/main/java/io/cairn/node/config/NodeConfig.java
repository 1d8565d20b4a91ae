/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.node.config;

import io.cairn.protocol.Multiaddr;
import io.cairn.protocol.PeerId;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A storage node's settings, from {@code DIR/node.properties} with command-line flags taking
 * precedence ({@link #resolve}).
 *
 * <pre>
 * # node.properties
 * listen       = /ip4/0.0.0.0/tcp/4001            # comma-separated multiaddrs
 * bootstrap    = /ip4/10.0.0.5/tcp/4001/p2p/12D3KooW...   # each must name its peer
 * allowlist    = 12D3KooW..., 12D3KooW...          # empty: any peer may connect
 * quota        = 10GiB                              # 500MB, 1.5TiB, ...
 * metrics.host = 127.0.0.1
 * metrics.port = 9464                               # default 0: any free port (printed)
 * </pre>
 *
 * @param listen addresses to listen on (host and tcp port, no peer id)
 * @param bootstrap peers to dial at start (each with {@code /p2p/<id>})
 * @param allowlist peers allowed to connect; empty allows all
 * @param quotaBytes storage quota
 * @param metricsHost address of the metrics and health endpoint
 * @param metricsPort its port; 0 picks a free one
 */
public record NodeConfig(
    List<Multiaddr> listen,
    List<Multiaddr> bootstrap,
    Set<PeerId> allowlist,
    long quotaBytes,
    String metricsHost,
    int metricsPort) {
  /** Config file name inside the node's data folder. */
  public static final String FILE_NAME = "node.properties";

  public static final String LISTEN = "listen";
  public static final String BOOTSTRAP = "bootstrap";
  public static final String ALLOWLIST = "allowlist";
  public static final String QUOTA = "quota";
  public static final String METRICS_HOST = "metrics.host";
  public static final String METRICS_PORT = "metrics.port";

  /** Every key, with its default. */
  public static final Map<String, String> DEFAULTS;

  static {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(LISTEN, "/ip4/0.0.0.0/tcp/4001");
    d.put(BOOTSTRAP, "");
    d.put(ALLOWLIST, "");
    d.put(QUOTA, "10GiB");
    d.put(METRICS_HOST, "127.0.0.1");
    d.put(METRICS_PORT, "0");
    DEFAULTS = java.util.Collections.unmodifiableMap(d);
  }

  /** Longest config file read. */
  static final int MAX_FILE_SIZE = 1 << 20;

  /** Most entries in one list setting. */
  static final int MAX_LIST = 1024;

  public NodeConfig {
    listen = List.copyOf(listen);
    bootstrap = List.copyOf(bootstrap);
    allowlist = Set.copyOf(allowlist);
    Objects.requireNonNull(metricsHost, "metricsHost");
    if (quotaBytes < 0) {
      throw new IllegalArgumentException("quotaBytes must be >= 0, got " + quotaBytes);
    }
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new IllegalArgumentException("metricsPort must be in 0..65535, got " + metricsPort);
    }
  }

  /**
   * Reads {@code dir/node.properties} (if it exists) and applies {@code flags} over it.
   *
   * @throws ConfigException if the file cannot be read or a value is invalid
   */
  public static NodeConfig load(Path dir, Map<String, String> flags) throws ConfigException {
    return resolve(readFile(dir.resolve(FILE_NAME)), flags);
  }

  /** The key/value pairs of a properties file; empty if it does not exist. */
  public static Map<String, String> readFile(Path file) throws ConfigException {
    byte[] raw;
    try {
      if (Files.size(file) > MAX_FILE_SIZE) {
        throw new ConfigException(file + " is larger than " + MAX_FILE_SIZE + " bytes");
      }
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e, e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(file + " is not valid UTF-8", e);
    }
    Properties p = new Properties();
    try (Reader r = new StringReader(text)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(file + " is not a valid properties file: " + e.getMessage(), e);
    }
    Map<String, String> out = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      out.put(k, p.getProperty(k));
    }
    return out;
  }

  /**
   * Merges defaults, then {@code fileValues}, then {@code flagValues} (a flag overrides the file),
   * and validates the result.
   *
   * @throws ConfigException naming the key, where its value came from, and what is wrong; also for
   *     an unknown key (a typo would otherwise be ignored silently)
   */
  public static NodeConfig resolve(Map<String, String> fileValues, Map<String, String> flagValues)
      throws ConfigException {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    Map<String, String> source = new LinkedHashMap<>();
    DEFAULTS.keySet().forEach(k -> source.put(k, "default"));
    apply(values, source, fileValues, FILE_NAME);
    apply(values, source, flagValues, "command line");

    List<Multiaddr> listen = new ArrayList<>();
    for (String s : list(values, source, LISTEN)) {
      Multiaddr a = multiaddr(s, source, LISTEN);
      if (!a.hasHostAndPort()) {
        throw error(source, LISTEN, "'" + s + "' needs a host and a tcp port");
      }
      if (a.peerId().isPresent()) {
        throw error(source, LISTEN, "'" + s + "' must not name a peer (/p2p/...)");
      }
      listen.add(a);
    }
    if (listen.isEmpty()) {
      throw error(source, LISTEN, "at least one listen address is needed");
    }
    List<Multiaddr> bootstrap = new ArrayList<>();
    for (String s : list(values, source, BOOTSTRAP)) {
      Multiaddr a = multiaddr(s, source, BOOTSTRAP);
      if (a.peerId().isEmpty()) {
        throw error(
            source,
            BOOTSTRAP,
            "'" + s + "' does not name its peer; append /p2p/<peer id> so the node can check it");
      }
      if (!a.hasHostAndPort()) {
        throw error(source, BOOTSTRAP, "'" + s + "' needs a host and a tcp port");
      }
      bootstrap.add(a);
    }
    Set<PeerId> allow = new LinkedHashSet<>();
    for (String s : list(values, source, ALLOWLIST)) {
      try {
        allow.add(PeerId.parse(s));
      } catch (IllegalArgumentException e) {
        throw error(source, ALLOWLIST, "'" + s + "' is not a peer id: " + e.getMessage());
      }
    }
    long quota = ByteSize.parse(QUOTA + " (from " + source.get(QUOTA) + ")", values.get(QUOTA));
    String host = values.get(METRICS_HOST).strip();
    if (host.isEmpty()) {
      throw error(source, METRICS_HOST, "is empty");
    }
    int port;
    try {
      port = Integer.parseInt(values.get(METRICS_PORT).strip());
    } catch (NumberFormatException e) {
      throw error(source, METRICS_PORT, "'" + values.get(METRICS_PORT) + "' is not a number");
    }
    if (port < 0 || port > 65535) {
      throw error(source, METRICS_PORT, port + " is not a port (0..65535; 0 picks a free one)");
    }
    return new NodeConfig(listen, bootstrap, allow, quota, host, port);
  }

  private static void apply(
      Map<String, String> values,
      Map<String, String> source,
      Map<String, String> given,
      String from)
      throws ConfigException {
    for (Map.Entry<String, String> e : given.entrySet()) {
      String key = e.getKey().strip();
      if (!DEFAULTS.containsKey(key)) {
        throw new ConfigException(
            "unknown setting '" + key + "' in " + from + "; known settings: " + DEFAULTS.keySet());
      }
      values.put(key, Objects.requireNonNull(e.getValue(), key));
      source.put(key, from);
    }
  }

  private static List<String> list(Map<String, String> values, Map<String, String> source, String k)
      throws ConfigException {
    List<String> out = new ArrayList<>();
    for (String part : values.get(k).split("[,\\s]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    if (out.size() > MAX_LIST) {
      throw error(source, k, "has " + out.size() + " entries, more than " + MAX_LIST);
    }
    return out;
  }

  private static Multiaddr multiaddr(String s, Map<String, String> source, String k)
      throws ConfigException {
    try {
      return Multiaddr.parse(s);
    } catch (IllegalArgumentException e) {
      throw error(source, k, "'" + s + "' is not a multiaddr: " + e.getMessage());
    }
  }

  private static ConfigException error(Map<String, String> source, String key, String what) {
    return new ConfigException(key + " (from " + source.get(key) + "): " + what);
  }
}
